package org.publiclegal.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapEnvSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Static checks of the kustomize layout under {@code k8s/} against the application itself
 * (application.properties, the Dockerfile, the Flyway migrations). Plain JUnit: no Quarkus, no cluster.
 * Every YAML document is parsed into its fabric8 model class (the CloudNativePG Cluster, which fabric8
 * has no model for, into {@link GenericKubernetesResource}).
 */
class ManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path BASE = K8S.resolve("base");
    private static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path POM = Path.of("pom.xml");
    private static final Path PROD = K8S.resolve("overlays/prod");
    private static final Path DEV = K8S.resolve("overlays/dev");

    /**
     * Connections kept free for everything that is not an application pod: the CloudNativePG instance manager
     * and its metrics exporter, a monitoring scrape, an operator's psql. superuser_reserved_connections comes
     * on top (3 unless the Cluster sets it).
     */
    static final int CONNECTIONS_FOR_OPERATIONS = 10;
    /** Seconds between the end of the application's own shutdown steps and the kubelet's SIGKILL. */
    static final int SHUTDOWN_MARGIN_SECONDS = 5;

    private static final String APP = "public-legal-services";
    private static final String APP_SECRET = "public-legal-services-secrets";

    private static final String CNPG_API_GROUP = "postgresql.cnpg.io";

    /** kind -> (apiVersion, fabric8 class). Anything else found under k8s/ fails the test. */
    private static final Map<String, Map.Entry<String, Class<? extends HasMetadata>>> KINDS = Map.of(
            "Deployment", Map.entry("apps/v1", Deployment.class),
            "Service", Map.entry("v1", Service.class),
            "HorizontalPodAutoscaler", Map.entry("autoscaling/v2", HorizontalPodAutoscaler.class),
            "PodDisruptionBudget", Map.entry("policy/v1", PodDisruptionBudget.class),
            "ConfigMap", Map.entry("v1", ConfigMap.class),
            "NetworkPolicy", Map.entry("networking.k8s.io/v1", NetworkPolicy.class),
            // Parsed so that noSecretValuesAreCommitted can report it; only empty Secrets pass that test.
            "Secret", Map.entry("v1", Secret.class),
            "Ingress", Map.entry("networking.k8s.io/v1", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            "Cluster", Map.entry(CNPG_API_GROUP + "/v1", GenericKubernetesResource.class),
            "ScheduledBackup", Map.entry(CNPG_API_GROUP + "/v1", GenericKubernetesResource.class));

    /**
     * Environment variables that are legitimately set although application.properties has no key for
     * them. Everything else must correspond to a key of application.properties (any profile).
     */
    private static final Set<String> ENV_READ_ELSEWHERE = Set.of(
            // Read by Quarkus itself to pick the profile, before application.properties is read.
            "QUARKUS_PROFILE",
            // Read by run-java.sh of the base image (src/main/docker/Dockerfile.jvm), not by the app.
            "JAVA_OPTS_APPEND",
            "GC_CONTAINER_OPTIONS",
            // Production-only secrets; application.properties names them only in comments (tests and
            // dev use key files: smallrye.jwt.sign.key.location, mp.jwt.verify.publickey.location).
            "SMALLRYE_JWT_SIGN_KEY",
            "MP_JWT_VERIFY_PUBLICKEY",
            // Deliberately absent from application.properties: without them the embedded PostgreSQL
            // starts (EmbeddedDatabaseConfigSourceFactory), and that class reads the switch below.
            "QUARKUS_DATASOURCE_REACTIVE_URL",
            "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD",
            "APP_EMBEDDED_DB_ENABLED");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One YAML document of a file under k8s/. */
    private record Doc(Path file, int index, JsonNode tree) {
        String kind() {
            return tree.path("kind").asText("");
        }

        String name() {
            return tree.path("metadata").path("name").asText("");
        }

        boolean isJsonPatch() {
            return tree.isArray();
        }

        @Override
        public String toString() {
            return file + (index > 0 ? "#" + index : "");
        }
    }

    private static List<Doc> docs;
    private static Map<Path, Doc> kustomizations;
    private static Map<String, HasMetadata> base;
    private static Map<String, JsonNode> baseTrees;
    private static Properties properties;

    @BeforeAll
    static void load() throws IOException {
        assertTrue(Files.isDirectory(K8S), "run from the project root: " + K8S.toAbsolutePath() + " is missing");
        docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(ManifestsTest::isYaml).sorted().toList()) {
                docs.addAll(read(file));
            }
        }
        kustomizations = new LinkedHashMap<>();
        for (Doc doc : docs) {
            if ("Kustomization".equals(doc.kind())) {
                kustomizations.put(doc.file().getParent().normalize(), doc);
            }
        }
        base = new LinkedHashMap<>();
        baseTrees = new LinkedHashMap<>();
        for (Doc doc : resourcesOf(BASE)) {
            String key = key(doc.kind(), doc.name());
            assertFalse(base.containsKey(key), "defined twice in base: " + key);
            base.put(key, parse(doc));
            baseTrees.put(key, doc.tree());
        }
        properties = new Properties();
        try (Reader in = Files.newBufferedReader(APPLICATION_PROPERTIES, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Structure
    // ------------------------------------------------------------------------------------------------

    @Test
    void everyManifestParsesIntoItsKubernetesModelWithoutUnknownFields() {
        assertFalse(docs.isEmpty(), "no YAML found under " + K8S);
        for (Doc doc : docs) {
            if (doc.isJsonPatch()) {
                for (JsonNode op : doc.tree()) {
                    assertTrue(Set.of("add", "remove", "replace", "move", "copy", "test").contains(op.path("op").asText()),
                            doc + ": not a JSON 6902 operation: " + op);
                    assertTrue(op.path("path").asText().startsWith("/"), doc + ": JSON 6902 path must start with /: " + op);
                }
                continue;
            }
            if ("Kustomization".equals(doc.kind())) {
                assertEquals("kustomize.config.k8s.io/v1beta1", doc.tree().path("apiVersion").asText(), doc.toString());
                continue;
            }
            HasMetadata object = parse(doc);
            assertFalse(doc.name().isBlank(), doc + ": metadata.name is missing");
            if (!(object instanceof GenericKubernetesResource)) {
                List<String> unknown = new ArrayList<>();
                collectUnknownFields(object, doc.kind(), unknown);
                assertTrue(unknown.isEmpty(), doc + ": fields the Kubernetes API does not know (typo?): " + unknown);
            }
        }
    }

    @Test
    void kustomizationsReferenceExistingFilesAndBaseObjects() {
        assertTrue(kustomizations.containsKey(BASE), "k8s/base/kustomization.yaml is missing");
        assertEquals(Set.of(BASE, K8S.resolve("overlays/dev"), K8S.resolve("overlays/prod")), kustomizations.keySet());
        assertEquals("public-legal-dev", kustomizations.get(K8S.resolve("overlays/dev")).tree().path("namespace").asText());
        assertEquals("public-legal", kustomizations.get(K8S.resolve("overlays/prod")).tree().path("namespace").asText());

        Set<Path> referenced = new HashSet<>();
        for (Map.Entry<Path, Doc> entry : kustomizations.entrySet()) {
            Path dir = entry.getKey();
            JsonNode k = entry.getValue().tree();
            referenced.add(entry.getValue().file().normalize());
            for (JsonNode resource : k.path("resources")) {
                Path target = dir.resolve(resource.asText()).normalize();
                assertTrue(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")),
                        dir + ": resource " + resource.asText() + " does not exist");
                referenced.add(target);
            }
            for (String legacy : List.of("patchesStrategicMerge", "patchesJson6902", "commonLabels", "bases")) {
                assertTrue(k.path(legacy).isMissingNode(), dir + ": deprecated field " + legacy + ", use patches/labels");
            }
            for (JsonNode patch : k.path("patches")) {
                checkPatch(dir, patch, referenced);
            }
            for (JsonNode image : k.path("images")) {
                String name = image.path("name").asText();
                assertTrue(deployment().getSpec().getTemplate().getSpec().getContainers().stream()
                                .anyMatch(c -> c.getImage().startsWith(name + ":") || c.getImage().equals(name)),
                        dir + ": images entry " + name + " matches no container image of the base Deployment");
                assertTrue(image.hasNonNull("newTag") || image.hasNonNull("digest"), dir + ": image " + name + " is not pinned");
            }
        }
        for (Doc doc : docs) {
            assertTrue(referenced.contains(doc.file().normalize()),
                    doc + " is not referenced by any kustomization.yaml (dead file?)");
        }
    }

    private static void checkPatch(Path dir, JsonNode patch, Set<Path> referenced) {
        assertTrue(patch.hasNonNull("path"), dir + ": inline patches are not used here, give a path: " + patch);
        Path file = dir.resolve(patch.path("path").asText()).normalize();
        assertTrue(Files.isRegularFile(file), dir + ": patch " + file + " does not exist");
        referenced.add(file);

        JsonNode target = patch.path("target");
        String kind = target.path("kind").asText();
        String name = target.path("name").asText();
        assertFalse(kind.isBlank() || name.isBlank(), dir + ": patch " + file + " needs an explicit target kind and name");
        String key = key(kind, name);
        assertTrue(base.containsKey(key), dir + ": patch target " + key + " does not exist in base");
        String apiVersion = base.get(key).getApiVersion();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        assertEquals(group, target.path("group").asText(""), dir + ": group of patch target " + key);
        assertEquals(version, target.path("version").asText(version), dir + ": version of patch target " + key);

        for (Doc doc : docs.stream().filter(d -> d.file().normalize().equals(file)).toList()) {
            if (doc.isJsonPatch()) {
                JsonNode baseTree = baseTrees.get(key);
                for (JsonNode op : doc.tree()) {
                    String pointer = op.path("path").asText();
                    String mustExist = "add".equals(op.path("op").asText())
                            ? pointer.substring(0, pointer.lastIndexOf('/'))
                            : pointer;
                    assertFalse(baseTree.at(mustExist).isMissingNode(),
                            doc + ": " + mustExist + " does not exist in base " + key);
                }
            } else {
                assertEquals(kind, doc.kind(), doc + ": kind differs from its target");
                assertEquals(name, doc.name(), doc + ": name differs from its target");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Deployment, Service, HPA, PDB, NetworkPolicy
    // ------------------------------------------------------------------------------------------------

    @Test
    void probesPointAtTheHealthEndpoints() {
        Container c = container();
        assertProbe(c, "startupProbe", c.getStartupProbe(), "/q/health/started");
        assertProbe(c, "livenessProbe", c.getLivenessProbe(), "/q/health/live");
        assertProbe(c, "readinessProbe", c.getReadinessProbe(), "/q/health/ready");
    }

    private static void assertProbe(Container c, String which, Probe probe, String path) {
        assertNotNull(probe, which + " is missing");
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, which + " must be an HTTP GET");
        assertEquals(path, get.getPath(), which + " path");
        assertEquals(httpPort().getName(), portName(get.getPort()), which + " must use the named container port");
    }

    @Test
    void theNamedContainerPortIsTheQuarkusHttpPort() {
        int quarkusPort = Integer.parseInt(property("quarkus.http.port", "8080"));
        ContainerPort port = httpPort();
        assertEquals("http", port.getName());
        assertEquals(quarkusPort, port.getContainerPort(),
                "containerPort 'http' must equal quarkus.http.port of application.properties");
        String fromConfigMap = configMap().getData().get("QUARKUS_HTTP_PORT");
        if (fromConfigMap != null) {
            assertEquals(String.valueOf(quarkusPort), fromConfigMap, "QUARKUS_HTTP_PORT in the ConfigMap");
        }
        assertTrue(dockerfile().contains("EXPOSE " + quarkusPort), "Dockerfile.jvm must EXPOSE " + quarkusPort);
    }

    @Test
    void serviceTargetsTheNamedHttpPort() {
        Service service = (Service) base.get(key("Service", APP));
        assertNotNull(service, "Service " + APP + " is missing");
        assertEquals("ClusterIP", service.getSpec().getType());
        List<ServicePort> ports = service.getSpec().getPorts();
        assertEquals(1, ports.size());
        assertEquals(80, ports.get(0).getPort());
        assertEquals(httpPort().getName(), portName(ports.get(0).getTargetPort()), "Service targetPort must name the container port");
        assertSelects(service.getSpec().getSelector(), "Service");
    }

    @Test
    void containerHasResourcesAndARestrictiveSecurityContext() {
        Container c = container();
        assertResources("base", c.getResources());
        for (Doc doc : docs) {
            if ("Deployment".equals(doc.kind()) && !doc.file().startsWith(BASE)) {
                Deployment patch = (Deployment) parse(doc);
                if (patch.getSpec() != null && patch.getSpec().getTemplate() != null) {
                    for (Container patched : patch.getSpec().getTemplate().getSpec().getContainers()) {
                        assertEquals(c.getName(), patched.getName(), doc + ": patches a container that does not exist");
                        if (patched.getResources() != null) {
                            assertResources(doc.toString(), patched.getResources());
                        }
                    }
                }
            }
        }

        SecurityContext sc = c.getSecurityContext();
        assertNotNull(sc, "container securityContext is missing");
        assertEquals(Boolean.TRUE, sc.getRunAsNonRoot(), "runAsNonRoot");
        assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), "readOnlyRootFilesystem");
        assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), "allowPrivilegeEscalation");
        assertNotNull(sc.getCapabilities(), "capabilities");
        assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), "capabilities.drop");
        assertEquals("RuntimeDefault", sc.getSeccompProfile().getType(), "seccompProfile");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\d+)").matcher(dockerfile());
        assertTrue(user.find(), "Dockerfile.jvm has no numeric USER");
        assertEquals(Long.valueOf(user.group(1)), sc.getRunAsUser(), "runAsUser must be the USER of the image");

        // The root filesystem is read-only: /tmp must be a writable emptyDir.
        VolumeMount tmp = c.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted at /tmp"));
        Volume volume = deployment().getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(tmp.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("volume " + tmp.getName() + " is not declared"));
        assertNotNull(volume.getEmptyDir(), "/tmp must be an emptyDir");
    }

    private static void assertResources(String where, ResourceRequirements r) {
        assertNotNull(r, where + ": resources are missing");
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = r.getRequests() == null ? null : r.getRequests().get(resource);
            Quantity limit = r.getLimits() == null ? null : r.getLimits().get(resource);
            assertNotNull(request, where + ": requests." + resource + " is missing");
            assertNotNull(limit, where + ": limits." + resource + " is missing");
            assertTrue(Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit)) <= 0,
                    where + ": requests." + resource + " " + request + " exceeds limits." + resource + " " + limit);
        }
    }

    @Test
    void autoscalerTargetsTheDeployment() {
        HorizontalPodAutoscaler hpa = (HorizontalPodAutoscaler) base.get(key("HorizontalPodAutoscaler", APP));
        assertNotNull(hpa, "HorizontalPodAutoscaler " + APP + " is missing");
        assertEquals("apps/v1", hpa.getSpec().getScaleTargetRef().getApiVersion());
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(deployment().getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertEquals(2, hpa.getSpec().getMinReplicas());
        assertEquals(6, hpa.getSpec().getMaxReplicas());
        assertTrue(hpa.getSpec().getMetrics().stream().anyMatch(m -> m.getResource() != null
                        && "cpu".equals(m.getResource().getName())
                        && Integer.valueOf(70).equals(m.getResource().getTarget().getAverageUtilization())),
                "HPA must scale on 70% CPU");
        // CPU utilisation is relative to the request: without one the HPA cannot work.
        assertNotNull(container().getResources().getRequests().get("cpu"), "HPA on CPU needs a CPU request");
    }

    @Test
    void disruptionBudgetSelectsTheDeploymentPods() {
        PodDisruptionBudget pdb = (PodDisruptionBudget) base.get(key("PodDisruptionBudget", APP));
        assertNotNull(pdb, "PodDisruptionBudget " + APP + " is missing");
        assertEquals(1, pdb.getSpec().getMinAvailable().getIntVal());
        assertSelects(pdb.getSpec().getSelector(), "PodDisruptionBudget");
        assertSelects(deployment().getSpec().getSelector(), "Deployment spec.selector");
    }

    @Test
    void networkPolicySelectsTheAppPodsAndAllowsOnlyWhatItNeeds() {
        NetworkPolicy np = (NetworkPolicy) base.get(key("NetworkPolicy", APP));
        assertNotNull(np, "NetworkPolicy " + APP + " is missing");
        assertSelects(np.getSpec().getPodSelector(), "NetworkPolicy");
        assertEquals(Set.of("Ingress", "Egress"), Set.copyOf(np.getSpec().getPolicyTypes()));

        ContainerPort http = httpPort();
        assertFalse(np.getSpec().getIngress().isEmpty(), "no ingress rule: the app would be unreachable");
        for (NetworkPolicyIngressRule rule : np.getSpec().getIngress()) {
            assertFalse(rule.getFrom() == null || rule.getFrom().isEmpty(), "ingress rule without 'from' admits everyone");
            assertFalse(rule.getPorts() == null || rule.getPorts().isEmpty(), "ingress rule without ports admits every port");
            for (NetworkPolicyPort port : rule.getPorts()) {
                IntOrString p = port.getPort();
                assertTrue(Objects.equals(p.getIntVal(), http.getContainerPort()) || http.getName().equals(p.getStrVal()),
                        "ingress port " + p + " is not the http container port");
            }
        }

        String cluster = cluster().getMetadata().getName();
        boolean database = false;
        Set<Integer> egressPorts = new TreeSet<>();
        for (NetworkPolicyEgressRule rule : np.getSpec().getEgress()) {
            assertFalse(rule.getPorts() == null || rule.getPorts().isEmpty(), "egress rule without ports allows every port");
            rule.getPorts().forEach(p -> egressPorts.add(p.getPort().getIntVal()));
            for (NetworkPolicyPeer peer : rule.getTo()) {
                if (peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels() != null
                        && cluster.equals(peer.getPodSelector().getMatchLabels().get("cnpg.io/cluster"))) {
                    database = true;
                    assertEquals(List.of(5432), rule.getPorts().stream().map(p -> p.getPort().getIntVal()).toList());
                }
            }
        }
        assertTrue(database, "no egress rule to the pods of the CloudNativePG cluster " + cluster);
        assertEquals(Set.of(53, 443, 5432), egressPorts, "egress ports");
    }

    private static void assertSelects(LabelSelector selector, String who) {
        assertNotNull(selector, who + " has no selector");
        assertTrue(selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty(),
                who + ": use matchLabels only");
        assertSelects(selector.getMatchLabels(), who);
    }

    private static void assertSelects(Map<String, String> matchLabels, String who) {
        assertFalse(matchLabels == null || matchLabels.isEmpty(), who + " selects nothing (or everything)");
        Map<String, String> podLabels = deployment().getSpec().getTemplate().getMetadata().getLabels();
        matchLabels.forEach((k, v) -> assertEquals(v, podLabels.get(k),
                who + " selects " + k + "=" + v + " but the Deployment pods have " + k + "=" + podLabels.get(k)));
    }

    // ------------------------------------------------------------------------------------------------
    // Configuration and secrets
    // ------------------------------------------------------------------------------------------------

    @Test
    void noSecretValuesAreCommitted() throws IOException {
        for (Doc doc : docs) {
            if ("Secret".equals(doc.kind())) {
                assertTrue(isEmpty(doc.tree().path("data")) && isEmpty(doc.tree().path("stringData")),
                        doc + ": a Secret with values is committed; create it with kubectl instead (k8s/README.md)");
            }
            if ("Kustomization".equals(doc.kind())) {
                assertTrue(isEmpty(doc.tree().path("secretGenerator")), doc + ": secretGenerator puts secret values in git");
            }
        }
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertFalse(text.contains("PRIVATE KEY-----"), file + " contains a private key");
            }
        }
    }

    @Test
    void everyEnvironmentVariableIsOneTheApplicationKnows() {
        Set<String> known = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            known.add(toEnvName(key.replaceFirst("^%[^.]+\\.", "")));
        }
        List<String> unknown = new ArrayList<>();
        Set<String> fromConfigMaps = new HashSet<>();
        for (Doc doc : docs) {
            Collection<String> names;
            if ("ConfigMap".equals(doc.kind())) {
                ConfigMap cm = (ConfigMap) parse(doc);
                names = cm.getData() == null ? List.of() : cm.getData().keySet();
                fromConfigMaps.addAll(names);
            } else if ("Deployment".equals(doc.kind())) {
                Deployment d = (Deployment) parse(doc);
                names = d.getSpec() == null || d.getSpec().getTemplate() == null ? List.of()
                        : d.getSpec().getTemplate().getSpec().getContainers().stream()
                        .flatMap(c -> c.getEnv() == null ? Stream.empty() : c.getEnv().stream())
                        .map(EnvVar::getName).toList();
            } else {
                continue;
            }
            for (String name : names) {
                if (!known.contains(name) && !ENV_READ_ELSEWHERE.contains(name)) {
                    unknown.add(doc + ": " + name);
                }
            }
        }
        assertTrue(unknown.isEmpty(), "environment variables the application does not read "
                + "(no such key in application.properties, not in ENV_READ_ELSEWHERE): " + unknown);

        List<String> env = container().getEnv().stream().map(EnvVar::getName).toList();
        assertEquals(env.size(), Set.copyOf(env).size(), "a variable is listed twice in env: " + env);
        Set<String> twice = env.stream().filter(fromConfigMaps::contains).collect(Collectors.toSet());
        assertTrue(twice.isEmpty(), "set both by the ConfigMap and env (env silently wins): " + twice);

        Map<String, String> config = configMap().getData();
        assertEquals("prod", config.get("QUARKUS_PROFILE"));
        assertEquals("false", config.get("APP_EMBEDDED_DB_ENABLED"),
                "the embedded PostgreSQL must never start in the cluster");
        for (String required : List.of("SMALLRYE_JWT_SIGN_KEY", "MP_JWT_VERIFY_PUBLICKEY", "APP_CRYPTO_KEYS",
                "APP_CRYPTO_ACTIVE_KEY_ID", "APP_WECHAT_APP_ID", "APP_WECHAT_SECRET",
                "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            assertTrue(env.contains(required), required + " is not set (the prod profile refuses to start without it)");
        }
        List<String> configMapRefs = container().getEnvFrom().stream().map(EnvFromSource::getConfigMapRef)
                .filter(Objects::nonNull).map(ConfigMapEnvSource::getName).toList();
        assertEquals(List.of(configMap().getMetadata().getName()), configMapRefs, "envFrom ConfigMap");
    }

    /** The SmallRye environment-variable form of a property name: non-alphanumerics become _, upper case. */
    static String toEnvName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    @Test
    void secretReferencesNameTheDatabaseOrTheApplicationSecret() {
        String dbSecret = cluster().getMetadata().getName() + "-app";
        Map<String, Set<String>> keysBySecret = new LinkedHashMap<>();
        for (EnvVar envVar : container().getEnv()) {
            if (envVar.getValueFrom() != null && envVar.getValueFrom().getSecretKeyRef() != null) {
                SecretKeySelector ref = envVar.getValueFrom().getSecretKeyRef();
                keysBySecret.computeIfAbsent(ref.getName(), n -> new TreeSet<>()).add(ref.getKey());
                assertTrue(ref.getOptional() == null || !ref.getOptional(), envVar.getName() + " must not be optional");
            } else {
                fail(envVar.getName() + " in the Deployment is not from a Secret; put plain settings in the ConfigMap");
            }
        }
        for (EnvFromSource from : container().getEnvFrom()) {
            assertTrue(from.getSecretRef() == null, "envFrom a Secret hides which keys are used: " + from.getSecretRef());
        }
        assertEquals(Set.of(dbSecret, APP_SECRET), keysBySecret.keySet(), "secrets referenced by the Deployment");
        assertEquals(Set.of("username", "password"), keysBySecret.get(dbSecret), "keys of the CloudNativePG app secret");
        assertEquals(Set.of("jwt-sign-key", "jwt-verify-publickey", "crypto-keys", "crypto-active-key-id",
                "wechat-app-id", "wechat-secret"), keysBySecret.get(APP_SECRET));
        String readme = readString(K8S.resolve("README.md"));
        assertTrue(readme.contains("kubectl") && readme.contains("create secret generic " + APP_SECRET),
                "k8s/README.md must say how to create " + APP_SECRET);
        keysBySecret.get(APP_SECRET).forEach(k ->
                assertTrue(readme.contains(k + "="), "k8s/README.md does not show how to set the key " + k));
    }

    @Test
    void jvmOptionsKeepTheFlagsOfTheDockerfile() {
        Matcher m = Pattern.compile("(?m)^ENV\\s+JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(dockerfile());
        assertTrue(m.find(), "Dockerfile.jvm does not set JAVA_OPTS_APPEND");
        String configured = configMap().getData().get("JAVA_OPTS_APPEND");
        if (configured == null) {
            return;
        }
        for (String flag : m.group(1).trim().split("\\s+")) {
            assertTrue(List.of(configured.trim().split("\\s+")).contains(flag),
                    "JAVA_OPTS_APPEND of the ConfigMap replaces the Dockerfile's and drops " + flag);
        }
        assertTrue(configured.contains("-XX:MaxRAMPercentage="), "JAVA_OPTS_APPEND should size the heap from the memory limit");
        // the collector goes in GC_CONTAINER_OPTIONS, which replaces the base image's -XX:+UseParallelGC; a collector
        // flag in JAVA_OPTS_APPEND as well would stop the JVM (conflicting collector combinations)
        assertFalse(configured.matches("(?s).*-XX:\\+Use\\w+GC.*"), "the collector belongs in GC_CONTAINER_OPTIONS");
    }

    // ------------------------------------------------------------------------------------------------
    // CloudNativePG
    // ------------------------------------------------------------------------------------------------

    @Test
    void databaseClusterHasThreeInstancesAndTheUrlsPointAtItsPrimary() {
        GenericKubernetesResource cluster = cluster();
        assertEquals(3, ((Number) cluster.get("spec", "instances")).intValue(), "instances in base");
        assertEquals(3, instancesIn(K8S.resolve("overlays/prod"), 3), "instances in prod");
        assertEquals(1, instancesIn(K8S.resolve("overlays/dev"), 3), "instances in dev");
        assertNotNull(cluster.get("spec", "storage", "size"), "storage size");

        String database = cluster.get("spec", "bootstrap", "initdb", "database");
        String host = cluster.getMetadata().getName() + "-rw";
        Map<String, String> config = configMap().getData();
        String reactive = config.get("QUARKUS_DATASOURCE_REACTIVE_URL");
        String jdbc = config.get("QUARKUS_DATASOURCE_JDBC_URL");
        assertNotNull(reactive, "QUARKUS_DATASOURCE_REACTIVE_URL is not in the ConfigMap");
        assertNotNull(jdbc, "QUARKUS_DATASOURCE_JDBC_URL is not in the ConfigMap");
        assertTrue(jdbc.startsWith("jdbc:postgresql://"), jdbc);
        assertTrue(reactive.startsWith("postgresql://"), reactive);
        for (String url : List.of(reactive, jdbc.substring("jdbc:".length()))) {
            URI uri = URI.create(url);
            assertEquals(host, uri.getHost(), url + " must point at the primary Service " + host);
            assertEquals(5432, uri.getPort(), url);
            assertEquals("/" + database, uri.getPath(), url + " must use the bootstrap database");
        }
    }

    @Test
    void databaseClusterCreatesTheExtensionsTheMigrationsNeed() throws IOException {
        Set<String> needed = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)create\\s+extension\\s+(?:if\\s+not\\s+exists\\s+)?\"?(\\w+)");
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path sql : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = create.matcher(Files.readString(sql, StandardCharsets.UTF_8));
                while (m.find()) {
                    needed.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        List<String> postInit = cluster().get("spec", "bootstrap", "initdb", "postInitApplicationSQL");
        assertNotNull(postInit, "bootstrap.initdb.postInitApplicationSQL is missing");
        Set<String> created = new TreeSet<>();
        for (String statement : postInit) {
            Matcher m = create.matcher(statement);
            if (m.find()) {
                created.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        assertTrue(created.containsAll(needed), "migrations create extensions " + needed
                + " but the Cluster bootstrap creates only " + created);
        assertEquals("app", cluster().get("spec", "bootstrap", "initdb", "owner"));
    }

    /** spec.instances after the overlay's Cluster patch, if it has one. */
    private static int instancesIn(Path overlay, int fallback) {
        for (Doc doc : docs) {
            if (doc.file().startsWith(overlay) && "Cluster".equals(doc.kind())) {
                JsonNode instances = doc.tree().path("spec").path("instances");
                if (!instances.isMissingNode()) {
                    return instances.asInt();
                }
            }
        }
        return fallback;
    }

    // ------------------------------------------------------------------------------------------------
    // Production readiness: connection budget, shutdown, backups, replication, image, Ingress, spreading
    // ------------------------------------------------------------------------------------------------

    @Test
    void connectionBudgetFitsPostgresAtFullScale() {
        for (Path overlay : List.of(DEV, PROD)) {
            Map<String, JsonNode> r = render(overlay);
            JsonNode hpa = r.get(key("HorizontalPodAutoscaler", APP));
            JsonNode deployment = r.get(key("Deployment", APP));
            int maxReplicas = hpa.at("/spec/maxReplicas").asInt();
            int pods = maxReplicas + surge(deployment.at("/spec/strategy/rollingUpdate/maxSurge"), maxReplicas);
            JsonNode data = r.get(key("ConfigMap", configMap().getMetadata().getName())).path("data");
            int reactive = Integer.parseInt(setting(data, "quarkus.datasource.reactive.max-size", "20"));
            int jdbc = Integer.parseInt(setting(data, "quarkus.datasource.jdbc.max-size", "20"));
            JsonNode parameters = r.get(key("Cluster", cluster().getMetadata().getName())).at("/spec/postgresql/parameters");
            int maxConnections = Integer.parseInt(parameters.path("max_connections").asText("100"));
            int reserved = Integer.parseInt(parameters.path("superuser_reserved_connections").asText("3"));
            int needed = pods * (reactive + jdbc) + reserved + CONNECTIONS_FOR_OPERATIONS;
            assertTrue(needed <= maxConnections, overlay + ": (" + maxReplicas + " pods + surge) = " + pods + " x ("
                    + reactive + " reactive + " + jdbc + " JDBC) + " + reserved + " reserved + "
                    + CONNECTIONS_FOR_OPERATIONS + " for operations = " + needed + " > max_connections " + maxConnections);
        }
        assertEquals("0", property("quarkus.datasource.jdbc.min-size", "0"),
                "the JDBC pool (Flyway at start-up) must not keep idle connections");
    }

    /** maxSurge as a number of pods: an integer, or a percentage of the replicas rounded up (Kubernetes default 25 %). */
    static int surge(JsonNode maxSurge, int replicas) {
        String value = maxSurge.isMissingNode() ? "25%" : maxSurge.asText();
        return value.endsWith("%")
                ? (int) Math.ceil(replicas * Integer.parseInt(value.substring(0, value.length() - 1)) / 100.0)
                : Integer.parseInt(value);
    }

    /** A setting as the pod sees it: the ConfigMap's environment variable, else the prod property. */
    private static String setting(JsonNode configMapData, String property, String quarkusDefault) {
        JsonNode env = configMapData.path(toEnvName(property));
        return env.isMissingNode() ? property(property, quarkusDefault) : env.asText().trim();
    }

    @Test
    void shutdownStepsFitTheGracePeriodAndReadinessGoesDownFirst() {
        for (Path overlay : List.of(DEV, PROD)) {
            JsonNode pod = render(overlay).get(key("Deployment", APP)).at("/spec/template/spec");
            JsonNode command = pod.at("/containers/0/lifecycle/preStop/exec/command");
            assertEquals(2, command.size(), overlay + ": preStop must be [sleep, seconds]: " + command);
            assertEquals("sleep", command.get(0).asText());
            long preStop = Long.parseLong(command.get(1).asText());
            assertTrue(preStop >= 3, overlay + ": preStop sleep " + preStop + " s is too short for the endpoint removal to spread");
            assertEquals("true", property("quarkus.shutdown.delay-enabled", "false"),
                    "quarkus.shutdown.delay-enabled: without it readiness does not go DOWN before the server stops");
            long delay = seconds(property("quarkus.shutdown.delay", "0s"));
            long timeout = seconds(property("quarkus.shutdown.timeout", "0s"));
            assertTrue(delay > 0, "%prod.quarkus.shutdown.delay: readiness must report DOWN while requests are still served");
            assertTrue(timeout > 0, "quarkus.shutdown.timeout: requests in flight must be allowed to finish");
            long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
            assertTrue(preStop + delay + timeout + SHUTDOWN_MARGIN_SECONDS <= grace, overlay + ": preStop " + preStop
                    + " s + shutdown delay " + delay + " s + shutdown timeout " + timeout + " s + margin "
                    + SHUTDOWN_MARGIN_SECONDS + " s exceeds terminationGracePeriodSeconds " + grace);
        }
    }

    /** A Quarkus duration: "20s", "500ms", "2m" or ISO-8601 "PT20S", in whole seconds (rounded up). */
    static long seconds(String value) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(value.trim());
        if (!m.matches()) {
            return (java.time.Duration.parse(value.trim()).toMillis() + 999) / 1000;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> (n + 999) / 1000;
            case "m" -> n * 60;
            case "h" -> n * 3600;
            default -> n;
        };
    }

    @Test
    void databaseReplicatesSynchronouslyWhereThereIsAStandby() {
        for (Path overlay : List.of(DEV, PROD)) {
            JsonNode spec = render(overlay).get(key("Cluster", cluster().getMetadata().getName())).path("spec");
            int instances = spec.path("instances").asInt();
            JsonNode sync = spec.at("/postgresql/synchronous");
            if (instances == 1) {
                assertTrue(sync.isMissingNode(), overlay + ": a single instance has no standby; synchronous would block every commit");
                continue;
            }
            assertTrue(Set.of("any", "first").contains(sync.path("method").asText()), overlay + ": synchronous.method");
            int number = sync.path("number").asInt();
            assertTrue(number >= 1 && number < instances, overlay + ": synchronous.number " + number
                    + " must be at least 1 and leave a standby to fail over to among " + instances + " instances");
            assertTrue(spec.at("/postgresql/parameters/synchronous_standby_names").isMissingNode(),
                    "the operator writes synchronous_standby_names from the synchronous stanza");
        }
        assertEquals(3, render(PROD).get(key("Cluster", cluster().getMetadata().getName())).at("/spec/instances").asInt());
    }

    @Test
    void prodBacksUpContinuouslyToAnS3ObjectStoreWithRetentionAndANightlyBaseBackup() {
        Map<String, JsonNode> prod = render(PROD);
        String clusterName = cluster().getMetadata().getName();
        JsonNode backup = prod.get(key("Cluster", clusterName)).at("/spec/backup");
        assertTrue(backup.path("retentionPolicy").asText().matches("[1-9][0-9]*[dwm]"),
                "retentionPolicy like 30d: " + backup.path("retentionPolicy"));
        JsonNode store = backup.path("barmanObjectStore");
        assertTrue(store.path("destinationPath").asText().matches("s3://[a-z0-9][a-z0-9.-]+/.*"),
                "destinationPath must name an S3 bucket: " + store.path("destinationPath"));
        assertTrue(store.path("endpointURL").asText().startsWith("https://"), "endpointURL of the S3-compatible store");
        assertFalse(store.path("wal").isMissingNode(), "WAL archiving settings (wal) are missing");
        JsonNode credentials = store.path("s3Credentials");
        String secret = credentials.at("/accessKeyId/name").asText();
        assertFalse(secret.isBlank(), "s3Credentials.accessKeyId must come from a Secret");
        assertEquals(secret, credentials.at("/secretAccessKey/name").asText(), "both S3 keys from one Secret");
        String readme = readString(K8S.resolve("README.md"));
        assertTrue(readme.contains("create secret generic " + secret), "k8s/README.md must say how to create " + secret);
        for (String k : List.of(credentials.at("/accessKeyId/key").asText(), credentials.at("/secretAccessKey/key").asText())) {
            assertTrue(readme.contains(k + "="), "k8s/README.md does not show how to set the key " + k);
        }
        for (String step : List.of("recoveryTarget", "targetTime", "externalClusters", "barmanObjectStore")) {
            assertTrue(readme.contains(step), "k8s/README.md restore procedure (PITR) does not mention " + step);
        }

        List<JsonNode> scheduled = prod.values().stream().filter(t -> "ScheduledBackup".equals(t.path("kind").asText())).toList();
        assertEquals(1, scheduled.size(), "one ScheduledBackup in prod");
        JsonNode sb = scheduled.get(0).path("spec");
        assertEquals(clusterName, sb.at("/cluster/name").asText(), "ScheduledBackup targets the Cluster");
        assertEquals("barmanObjectStore", sb.path("method").asText("barmanObjectStore"));
        assertEquals(6, sb.path("schedule").asText().trim().split("\\s+").length,
                "CloudNativePG schedules have six fields (seconds first): " + sb.path("schedule"));
        assertTrue(render(DEV).values().stream().noneMatch(t -> "ScheduledBackup".equals(t.path("kind").asText())),
                "dev has no object store, so no ScheduledBackup");
    }

    @Test
    void prodRunsAReleasedImagePinnedByDigestAndAPinnedPostgresMinor() {
        String pom = readString(POM);
        Matcher version = Pattern.compile("<artifactId>public-legal-services</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(version.find(), "project version not found in pom.xml");
        assertFalse(version.group(1).endsWith("-SNAPSHOT"), "a production release must not be a -SNAPSHOT: " + version.group(1));
        JsonNode image = kustomizations.get(PROD).tree().path("images").get(0);
        assertEquals(version.group(1), image.path("newTag").asText(), "prod image tag = project version");
        assertTrue(image.path("digest").asText().matches("sha256:[0-9a-f]{64}"), "prod image digest: " + image.path("digest"));

        Matcher binaries = Pattern.compile("<postgres-binaries.version>(\\d+\\.\\d+)").matcher(pom);
        assertTrue(binaries.find(), "postgres-binaries.version not found in pom.xml");
        String imageName = cluster().get("spec", "imageName");
        assertTrue(imageName.endsWith(":" + binaries.group(1)), "the CloudNativePG image must pin the minor version of "
                + "the embedded PostgreSQL used in tests (" + binaries.group(1) + "): " + imageName);
    }

    @Test
    void ingressServesTlsThroughTheControllerTheNetworkPolicyAdmits() {
        var ingress = (io.fabric8.kubernetes.api.model.networking.v1.Ingress) base.get(key("Ingress", APP));
        assertNotNull(ingress, "Ingress " + APP + " is missing");
        assertEquals("nginx", ingress.getSpec().getIngressClassName());
        NetworkPolicy np = (NetworkPolicy) base.get(key("NetworkPolicy", APP));
        assertTrue(np.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream()).anyMatch(peer ->
                        peer.getNamespaceSelector() != null && "ingress-nginx".equals(
                                peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))),
                "the NetworkPolicy must admit the ingress-nginx controller");
        assertFalse(ingress.getSpec().getTls().isEmpty(), "the Ingress must terminate TLS");
        Set<String> tlsHosts = new HashSet<>();
        ingress.getSpec().getTls().forEach(t -> {
            assertFalse(t.getSecretName() == null || t.getSecretName().isBlank(), "tls entry without secretName");
            tlsHosts.addAll(t.getHosts());
        });
        Service service = (Service) base.get(key("Service", APP));
        ingress.getSpec().getRules().forEach(rule -> {
            assertTrue(tlsHosts.contains(rule.getHost()), "host " + rule.getHost() + " is not covered by TLS");
            rule.getHttp().getPaths().forEach(path -> {
                assertEquals(service.getMetadata().getName(), path.getBackend().getService().getName());
                assertEquals(service.getSpec().getPorts().get(0).getName(), path.getBackend().getService().getPort().getName(),
                        "Ingress backend must name the Service port");
            });
        });
        assertEquals("true", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/force-ssl-redirect"));
        assertEquals(property("quarkus.http.limits.max-body-size", "10M").toLowerCase(Locale.ROOT),
                ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-body-size").toLowerCase(Locale.ROOT),
                "ingress-nginx must accept the bodies the application accepts (its default is 1m)");
    }

    @Test
    void podsSpreadOverHostsStrictlyAndOverZones() {
        var constraints = deployment().getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
        Map<String, String> byKey = new LinkedHashMap<>();
        constraints.forEach(c -> {
            assertSelects(c.getLabelSelector(), "topologySpreadConstraint " + c.getTopologyKey());
            byKey.put(c.getTopologyKey(), c.getWhenUnsatisfiable());
        });
        assertEquals("DoNotSchedule", byKey.get("kubernetes.io/hostname"), "hostname spread");
        assertTrue(byKey.containsKey("topology.kubernetes.io/zone"), "zone spread is missing");
    }

    /** Room for what is not heap, from the measurement in bench/ops.sh (peak RSS 377-397 MB with a 512 MiB heap). */
    static final long NON_HEAP_MIB = 256;

    @Test
    void heapLeavesRoomForTheRestOfTheJvm() {
        Matcher m = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)").matcher(configMap().getData().get("JAVA_OPTS_APPEND"));
        assertTrue(m.find(), "JAVA_OPTS_APPEND must set -XX:MaxRAMPercentage");
        double percent = Double.parseDouble(m.group(1));
        for (Path overlay : List.of(DEV, PROD)) {
            JsonNode resources = render(overlay).get(key("Deployment", APP)).at("/spec/template/spec/containers/0/resources");
            long limitMib = Quantity.getAmountInBytes(new Quantity(resources.at("/limits/memory").asText()))
                    .longValue() / (1024 * 1024);
            long heapMib = (long) (limitMib * percent / 100);
            assertTrue(heapMib + NON_HEAP_MIB <= limitMib, overlay + ": heap " + heapMib + " MiB + " + NON_HEAP_MIB
                    + " MiB outside the heap exceeds the memory limit " + limitMib + " MiB");
            // 192 MiB (a quarter of 768Mi) carries the load of bench/sidebyside.sh with the Serial collector (issue 17:
            // RSS <= 350 MB); less is not measured
            assertTrue(heapMib >= 192, overlay + ": heap " + heapMib + " MiB is too small for the application");
        }
        JsonNode prod = render(PROD).get(key("Deployment", APP)).at("/spec/template/spec/containers/0/resources");
        assertEquals(prod.at("/limits/memory").asText(), prod.at("/requests/memory").asText(),
                "prod: memory request = limit, so the scheduler reserves what the JVM may use");
    }

    /** The in-test rendering (render) agrees with kustomize itself, where kubectl is installed. */
    @Test
    void renderingAgreesWithKubectlKustomize() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed");
        for (Path overlay : List.of(DEV, PROD)) {
            Process p = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "kubectl kustomize " + overlay + ": " + out);
            Map<String, JsonNode> kubectl = new LinkedHashMap<>();
            try (JsonParser parser = YAML.getFactory().createParser(out)) {
                while (parser.nextToken() != null) {
                    JsonNode tree = YAML.readTree(parser);
                    if (tree != null && tree.isObject()) {
                        kubectl.put(key(tree.path("kind").asText(), tree.at("/metadata/name").asText()), tree);
                    }
                }
            }
            Map<String, JsonNode> ours = render(overlay);
            assertEquals(kubectl.keySet(), ours.keySet(), overlay + ": objects");
            for (String k : ours.keySet()) {
                JsonNode a = ours.get(k).deepCopy();
                JsonNode b = kubectl.get(k).deepCopy();
                for (JsonNode t : List.of(a, b)) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) t.path("metadata")).remove("namespace");
                    t.findParents("image").forEach(c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("image"));
                }
                assertEquals(b, a, overlay + ": " + k + " differs from kubectl kustomize");
            }
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /**
     * The objects of an overlay as kustomize renders them, as far as these tests need: base and overlay
     * resources, then the overlay's patches (strategic merge: maps merged, null deletes, containers merged
     * by name, other lists replaced; JSON 6902: add / replace / remove). Names, namespace and images are not
     * transformed.
     */
    static Map<String, JsonNode> render(Path overlay) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Doc doc : resourcesOf(overlay)) {
            out.put(key(doc.kind(), doc.name()), doc.tree().deepCopy());
        }
        for (JsonNode patch : kustomizations.get(overlay).tree().path("patches")) {
            String k = key(patch.at("/target/kind").asText(), patch.at("/target/name").asText());
            Path file = overlay.resolve(patch.path("path").asText()).normalize();
            for (Doc doc : docs.stream().filter(d -> d.file().normalize().equals(file)).toList()) {
                if (doc.isJsonPatch()) {
                    for (JsonNode op : doc.tree()) {
                        applyJsonPatch(out.get(k), op);
                    }
                } else {
                    merge((com.fasterxml.jackson.databind.node.ObjectNode) out.get(k), doc.tree());
                }
            }
        }
        return out;
    }

    private static void applyJsonPatch(JsonNode target, JsonNode op) {
        String pointer = op.path("path").asText();
        var parent = (com.fasterxml.jackson.databind.node.ObjectNode) target.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        switch (op.path("op").asText()) {
            case "add", "replace" -> parent.set(field, op.path("value").deepCopy());
            case "remove" -> parent.remove(field);
            default -> fail("JSON 6902 operation not supported by the test's renderer: " + op);
        }
    }

    private static void merge(com.fasterxml.jackson.databind.node.ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(e -> {
            JsonNode current = target.get(e.getKey());
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((com.fasterxml.jackson.databind.node.ObjectNode) current, value);
            } else if (value.isArray() && current != null && current.isArray() && "containers".equals(e.getKey())) {
                for (JsonNode item : value) {
                    JsonNode same = null;
                    for (JsonNode c : current) {
                        if (c.path("name").equals(item.path("name"))) {
                            same = c;
                        }
                    }
                    if (same == null) {
                        ((com.fasterxml.jackson.databind.node.ArrayNode) current).add(item.deepCopy());
                    } else {
                        merge((com.fasterxml.jackson.databind.node.ObjectNode) same, item);
                    }
                }
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        });
    }

    // ------------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------------

    private static boolean isYaml(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static List<Doc> read(Path file) throws IOException {
        List<Doc> result = new ArrayList<>();
        // A parser rather than readValues(): readValues would split a root sequence (a JSON 6902 patch)
        // into its elements.
        try (JsonParser parser = YAML.getFactory().createParser(file.toFile())) {
            int index = 0;
            while (parser.nextToken() != null) {
                JsonNode tree = YAML.readTree(parser);
                if (tree != null && !tree.isNull() && !(tree instanceof MissingNode)) {
                    result.add(new Doc(file, index, tree));
                }
                index++;
            }
        }
        assertFalse(result.isEmpty(), file + " is empty");
        return result;
    }

    /** The documents a kustomization directory renders before patches: its resources, recursively. */
    private static List<Doc> resourcesOf(Path dir) {
        Doc k = kustomizations.get(dir.normalize());
        assertNotNull(k, dir + " has no kustomization.yaml");
        List<Doc> result = new ArrayList<>();
        for (JsonNode resource : k.tree().path("resources")) {
            Path p = dir.resolve(resource.asText()).normalize();
            if (kustomizations.containsKey(p)) {
                result.addAll(resourcesOf(p));
            } else {
                result.addAll(docs.stream().filter(d -> d.file().normalize().equals(p)).toList());
            }
        }
        return result;
    }

    private static HasMetadata parse(Doc doc) {
        var entry = KINDS.get(doc.kind());
        assertNotNull(entry, doc + ": unexpected kind '" + doc.kind() + "' (add it to KINDS with its fabric8 class)");
        assertEquals(entry.getKey(), doc.tree().path("apiVersion").asText(), doc + ": apiVersion of " + doc.kind());
        try {
            return YAML.treeToValue(doc.tree(), entry.getValue());
        } catch (IOException e) {
            throw new AssertionError(doc + " does not parse as " + entry.getValue().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Fields Jackson could not map onto the model land in additionalProperties: those are typos. */
    private static void collectUnknownFields(Object value, String path, List<String> out) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, out));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                collectUnknownFields(item, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                Object fieldValue;
                try {
                    field.setAccessible(true);
                    fieldValue = field.get(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                if ("additionalProperties".equals(field.getName())) {
                    if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        out.add(path + ": " + extra.keySet());
                    }
                } else {
                    collectUnknownFields(fieldValue, path + "." + field.getName(), out);
                }
            }
        }
    }

    private static boolean isEmpty(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.isEmpty();
    }

    private static String key(String kind, String name) {
        return kind + "/" + name;
    }

    private static Deployment deployment() {
        Deployment d = (Deployment) base.get(key("Deployment", APP));
        assertNotNull(d, "Deployment " + APP + " is missing in base");
        return d;
    }

    private static Container container() {
        List<Container> containers = deployment().getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size(), "one container expected");
        return containers.get(0);
    }

    private static ContainerPort httpPort() {
        return container().getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("the container has no port named 'http'"));
    }

    private static ConfigMap configMap() {
        List<ConfigMap> maps = base.values().stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast).toList();
        assertEquals(1, maps.size(), "one ConfigMap expected in base");
        return maps.get(0);
    }

    private static GenericKubernetesResource cluster() {
        List<GenericKubernetesResource> clusters = base.values().stream()
                .filter(GenericKubernetesResource.class::isInstance).map(GenericKubernetesResource.class::cast)
                .filter(r -> r.getApiVersion().startsWith(CNPG_API_GROUP + "/") && "Cluster".equals(r.getKind()))
                .toList();
        assertEquals(1, clusters.size(), "one CloudNativePG Cluster expected in base");
        return clusters.get(0);
    }

    /** A probe or Service port must refer to the container port by name, not by number. */
    private static String portName(IntOrString port) {
        assertNotNull(port, "port is missing");
        assertNotNull(port.getStrVal(), "port " + port.getIntVal() + " is a number; use the port name");
        return port.getStrVal();
    }

    /** The prod value of a property: %prod.key, else key, else the Quarkus default. */
    private static String property(String key, String quarkusDefault) {
        String prod = properties.getProperty("%prod." + key);
        return prod != null ? prod.trim() : properties.getProperty(key, quarkusDefault).trim();
    }

    private static String dockerfile() {
        return readString(DOCKERFILE);
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(p + " cannot be read", e);
        }
    }
}
