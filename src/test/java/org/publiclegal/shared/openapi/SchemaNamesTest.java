package org.publiclegal.shared.openapi;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemaNamesTest {

    private static SchemaNames.Nesting in(String simple, String... enclosing) {
        return new SchemaNames.Nesting(List.of(enclosing), simple);
    }

    @Test
    void nestedTypesAreNamedAfterTheirEnclosingClassesWithoutContainerSuffixes() {
        assertEquals("ApplicationCreate", SchemaNames.shortName(List.of("ApplicationRequests"), "Create"));
        assertEquals("VideoFeedItem", SchemaNames.shortName(List.of("VideoFeed"), "Item"));
        assertEquals("DashboardSeries", SchemaNames.shortName(List.of("DashboardService"), "Series"));
        assertEquals("MediationAssign", SchemaNames.shortName(List.of("MediationResource"), "Assign"));
        assertEquals("OfflineX", SchemaNames.shortName(List.of("OfflineCommands"), "X"));
        assertEquals("ProfileX", SchemaNames.shortName(List.of("ProfileViews"), "X"));
        assertEquals("OuterInnerX", SchemaNames.shortName(List.of("Outer", "InnerService"), "X"));
    }

    @Test
    void aSuffixAloneIsKeptAndANameStartingWithItsPrefixIsNotRepeated() {
        assertEquals("RequestsX", SchemaNames.shortName(List.of("Requests"), "X"), "a class named just 'Requests'");
        assertEquals("ApplicationStatus", SchemaNames.shortName(List.of("Application"), "ApplicationStatus"));
        assertEquals("ApplicationStatus", SchemaNames.shortName(List.of("ApplicationService"), "Status"));
        assertEquals("ApplicationRequestsCreate", SchemaNames.fullName(List.of("ApplicationRequests"), "Create"));
    }

    @Test
    void equalShortNamesAndNamesThatStayFallBackToTheFullEnclosingNames() {
        Map<String, SchemaNames.Nesting> nested = new LinkedHashMap<>();
        nested.put("Create", in("Create", "ApplicationRequests"));
        nested.put("Create1", in("Create", "ApplicationResource"));
        nested.put("Item", in("Item", "VideoFeed"));
        nested.put("Status", in("Status", "Rollup"));
        Map<String, String> renamed = SchemaNames.rename(nested,
                Set.of("Create", "Create1", "Item", "Status", "RollupStatus"));
        assertEquals("ApplicationRequestsCreate", renamed.get("Create"));
        assertEquals("ApplicationResourceCreate", renamed.get("Create1"));
        assertEquals("VideoFeedItem", renamed.get("Item"));
        assertEquals(false, renamed.containsKey("Status"),
                "RollupStatus is a schema that stays, so the nested Rollup.Status keeps its name");
    }
}
