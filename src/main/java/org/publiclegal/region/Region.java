package org.publiclegal.region;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.RegionCodes.Level;

/** 行政区划: a province, city, county, township (乡镇/街道) or village/community (村/社区). */
@Entity
@Table(name = "region")
public class Region {

    @Id
    public String code;
    public String parentCode;
    @Enumerated(EnumType.STRING)
    public Level level;
    public String name;

    public static Region of(String code, String name) {
        Region r = new Region();
        r.code = code;
        r.name = name;
        r.level = RegionCodes.levelOf(code);
        r.parentCode = parentOf(code);
        return r;
    }

    /** The code of the enclosing region, from the code's own digits (null for a province). */
    public static String parentOf(String code) {
        Level level = RegionCodes.levelOf(code);
        return switch (level) {
            case PROVINCE -> null;
            case CITY -> pad(code.substring(0, 2));
            case COUNTY -> pad(code.substring(0, 4));
            case TOWNSHIP -> pad(code.substring(0, 6));
            case VILLAGE -> pad(code.substring(0, 9));
        };
    }

    private static String pad(String prefix) {
        return prefix + "0".repeat(12 - prefix.length());
    }
}
