package org.publiclegal.demo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.documents.DocumentKind;
import org.publiclegal.shared.documents.DocumentNumbers;

import java.util.List;

/**
 * 文书字号 in the demo county: each committee numbers its 人民调解协议书 under its own prefix (鹤 + the township's
 * first character + 调, e.g. 鹤云调〔2026〕1号 for 云鹤镇; a village committee adds the village's first character:
 * 鹤云南调; 鹤庆县医疗纠纷人民调解委员会 鹤医调), the 法律援助中心 its decisions and notices under 鹤法援决, 鹤法援不,
 * 鹤法援补 and 鹤法援指. Set once through the numbering service (setting them again changes nothing); the numbers
 * themselves are given when a document is first printed.
 */
@ApplicationScoped
public class DocumentsDemo {

    private final AppConfig config;
    private final DocumentNumbers numbers;

    public DocumentsDemo(AppConfig config, DocumentNumbers numbers) {
        this.config = config;
        this.numbers = numbers;
    }

    void load(@Observes @Priority(15) StartupEvent event) throws Throwable {
        if (!config.demo().enabled()) {
            return;
        }
        Integer set = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createQuery("from Organisation where regionCode like :county and type in (:types) "
                                + "order by regionCode, name", Organisation.class)
                        .setParameter("county", DemoData.COUNTY.substring(0, 6) + "%")
                        .setParameter("types", List.of(OrganisationType.MEDIATION_COMMITTEE,
                                OrganisationType.LEGAL_AID_CENTRE)).getResultList())
                .chain(orgs -> set(orgs, 0, 0))));
        Log.infof("Demo 文书字号: prefixes of %d organisations set", set);
    }

    private Uni<Integer> set(List<Organisation> orgs, int i, int done) {
        if (i >= orgs.size()) {
            return Uni.createFrom().item(done);
        }
        Organisation o = orgs.get(i);
        Uni<Void> step;
        if (o.type == OrganisationType.LEGAL_AID_CENTRE) {
            step = numbers.setPrefix(o.id, DocumentKind.AID_GRANT, "鹤法援决")
                    .chain(() -> numbers.setPrefix(o.id, DocumentKind.AID_REFUSAL, "鹤法援不"))
                    .chain(() -> numbers.setPrefix(o.id, DocumentKind.AID_MATERIALS, "鹤法援补"))
                    .chain(() -> numbers.setPrefix(o.id, DocumentKind.AID_ASSIGNMENT, "鹤法援指"));
        } else {
            step = numbers.setPrefix(o.id, DocumentKind.MEDIATION_AGREEMENT, committeePrefix(o.name));
        }
        return step.chain(() -> set(orgs, i + 1, done + 1));
    }

    /** 云鹤镇人民调解委员会 → 鹤云调; 云鹤镇南门村人民调解委员会 → 鹤云南调; 鹤庆县医疗纠纷… → 鹤医调. */
    static String committeePrefix(String name) {
        if (name.startsWith("鹤庆县")) {
            return "鹤" + name.charAt(3) + "调";
        }
        for (int t = 0; t < DemoData.TOWNSHIPS.length; t++) {
            String township = DemoData.TOWNSHIPS[t];
            if (name.startsWith(township)) {
                String rest = name.substring(township.length());
                return rest.startsWith("人民调解委员会") ? "鹤" + township.charAt(0) + "调"
                        : "鹤" + township.charAt(0) + rest.charAt(0) + "调";
            }
        }
        return "鹤" + name.charAt(0) + "调";
    }
}
