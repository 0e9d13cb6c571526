package org.ocaetl.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ocaetl.worker.testing.OcaEnvironment;

/**
 * The Kubernetes manifests in k8s/, parsed (not string-matched: a string match once passed a wrong day): resources, probes,
 * scrape annotations, where the settings come from, and that no credential is written in them.
 */
class ManifestsTest {
  static final Path K8S = OcaEnvironment.REPO.resolve("k8s");
  static final Pattern PLACEHOLDER = Pattern.compile(".*REPLACE_ME.*");
  /** Things that are credentials whatever key they sit under. */
  static final List<Pattern> CREDENTIAL_LITERALS =
      List.of(
          Pattern.compile("://[^/\\s:@]+:(?!REPLACE_ME@)[^@\\s/]+@"), // user:password@ in a URL
          Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
          Pattern.compile("AKIA[0-9A-Z]{16}"),
          Pattern.compile("(?i)bearer\\s+[a-z0-9._-]{8,}"));
  static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|API_KEY|DATABASE_URL|PRIVATE).*");

  static Map<String, JsonNode> byKind;
  static List<Path> files;

  @BeforeAll
  static void parse() throws Exception {
    byKind = new java.util.LinkedHashMap<>();
    try (Stream<Path> list = Files.list(K8S)) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    YAMLMapper yaml = new YAMLMapper();
    for (Path file : files) {
      try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
        for (JsonNode doc : docs.readAll()) {
          assertTrue(doc.hasNonNull("kind"), file + " has a kind");
          assertEquals(null, byKind.put(doc.get("kind").asText(), doc), "one " + doc.get("kind") + " in k8s/");
        }
      }
    }
  }

  static JsonNode container(String kind) {
    JsonNode containers = byKind.get(kind).at("/spec/template/spec/containers");
    assertEquals(1, containers.size(), kind);
    return containers.get(0);
  }

  @Test
  void theWorkerFitsA2GiBNodeAndIsProbedOnItsHealthEndpoints() {
    JsonNode worker = container("Deployment");
    assertEquals("1536Mi", worker.at("/resources/requests/memory").asText());
    assertEquals("2Gi", worker.at("/resources/limits/memory").asText());
    assertEquals(List.of("worker"), strings(worker.get("args")));
    String port = configMap().get("OCA_METRICS_PORT").asText();
    assertEquals(port, worker.at("/ports/0/containerPort").asText());
    String portName = worker.at("/ports/0/name").asText();
    assertEquals("/healthz", worker.at("/livenessProbe/httpGet/path").asText());
    assertEquals("/readyz", worker.at("/readinessProbe/httpGet/path").asText());
    assertEquals(portName, worker.at("/livenessProbe/httpGet/port").asText());
    assertEquals(portName, worker.at("/readinessProbe/httpGet/port").asText());

    JsonNode annotations = byKind.get("Deployment").at("/spec/template/metadata/annotations");
    assertEquals("true", annotations.get("prometheus.io/scrape").asText());
    assertEquals(port, annotations.get("prometheus.io/port").asText());
    assertEquals("/metrics", annotations.get("prometheus.io/path").asText());

    int grace = byKind.get("Deployment").at("/spec/template/spec/terminationGracePeriodSeconds").asInt();
    assertTrue(grace > configMap().get("OCA_SHUTDOWN_GRACE_SECONDS").asInt(), "the pod outlives the worker's drain");
  }

  @Test
  void tmpIsAWritableEmptyDirAndTheRestIsReadOnlyAndNotRoot() {
    for (String kind : new String[] {"Deployment", "Job"}) {
      JsonNode pod = byKind.get(kind).at("/spec/template/spec");
      JsonNode container = container(kind);
      String tmpVolume = mountedAt(container, "/tmp");
      assertTrue(volume(pod, tmpVolume).has("emptyDir"), kind + ": /tmp is an emptyDir");
      assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean(), kind);
      assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), kind);
      assertEquals(10001, pod.at("/securityContext/runAsUser").asInt(), kind + ": the image's uid");
    }
    assertTrue(volume(byKind.get("Deployment").at("/spec/template/spec"), mountedAt(container("Deployment"), "/data"))
        .has("persistentVolumeClaim"));
    assertEquals(byKind.get("PersistentVolumeClaim").at("/metadata/name").asText(),
        volume(byKind.get("Deployment").at("/spec/template/spec"), "data").at("/persistentVolumeClaim/claimName").asText());
  }

  @Test
  void theJobAppliesTheScheduleWithTheWorkersSettingsAndASmallHeap() {
    JsonNode job = container("Job");
    assertEquals(List.of("schedule", "apply"), strings(job.get("args")));
    assertEquals(envFrom(container("Deployment")), envFrom(job), "same ConfigMap and Secret as the worker");
    String heap = job.get("env").get(0).get("value").asText().replaceAll(".*-Xmx(\\d+)m.*", "$1");
    long limit = mebibytes(job.at("/resources/limits/memory").asText());
    assertTrue(Long.parseLong(heap) + 128 <= limit, "heap " + heap + " MiB fits the " + limit + " MiB limit");
  }

  /** Like the image (DockerfileTest): out of heap exits with 1, never with 3 ("cases failed"). */
  @Test
  void theJobStopsOnOutOfHeapLikeTheImage() {
    String options = container("Job").get("env").get(0).get("value").asText();
    assertTrue(options.contains("-XX:+CrashOnOutOfMemoryError"), options);
    assertTrue(options.contains("-XX:-CreateCoredumpOnCrash"), options);
    assertFalse(options.contains("ExitOnOutOfMemoryError"), options);
  }

  @Test
  void settingsComeFromTheConfigMapAndSecretsFromTheSecret() throws Exception {
    assertEquals(
        List.of("configMapRef:" + byKind.get("ConfigMap").at("/metadata/name").asText(),
            "secretRef:" + byKind.get("Secret").at("/metadata/name").asText()),
        envFrom(container("Deployment")));
    var read = OcaEnvironment.names();
    configMap().fieldNames().forEachRemaining(key -> {
      assertTrue(read.contains(key), "ConfigMap key " + key + " is read by the code");
      assertFalse(SECRET_NAME.matcher(key).matches(), key + " belongs in the Secret");
    });
    byKind.get("Secret").get("stringData").fields().forEachRemaining(e -> {
      assertTrue(read.contains(e.getKey()), "Secret key " + e.getKey() + " is read by the code");
      assertTrue(PLACEHOLDER.matcher(e.getValue().asText()).matches(), "placeholder only: " + e.getKey());
    });
  }

  @Test
  void noCredentialLiteralAnywhere() {
    for (var manifest : byKind.entrySet()) {
      List<String> problems = new ArrayList<>();
      scan(manifest.getValue(), "", problems);
      assertTrue(problems.isEmpty(), manifest.getKey() + ": " + problems);
    }
    assertFalse(byKind.get("Secret").has("data"), "the example carries no base64 values");
  }

  @Test
  void kustomizeAppliesEverythingButTheSecretExample() {
    List<String> resources = strings(byKind.get("Kustomization").get("resources"));
    for (Path file : files) {
      String name = file.getFileName().toString();
      boolean listed = resources.contains(name);
      assertEquals(!name.equals("kustomization.yaml") && !name.equals("secret.example.yaml"), listed, name);
    }
  }

  /** Every string value; env entries with a secret-like name must come from a Secret. */
  private static void scan(JsonNode node, String path, List<String> problems) {
    if (node.isTextual()) {
      for (Pattern credential : CREDENTIAL_LITERALS) {
        if (credential.matcher(node.asText()).find()) {
          problems.add(path + " looks like a credential");
        }
      }
      return;
    }
    if (node.has("name") && node.has("value") && SECRET_NAME.matcher(node.get("name").asText()).matches()) {
      problems.add(path + ": " + node.get("name").asText() + " has a literal value; use a secretKeyRef");
    }
    node.fields().forEachRemaining(e -> scan(e.getValue(), path + "/" + e.getKey(), problems));
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      scan(node.get(i), path + "/" + i, problems);
    }
  }

  private static JsonNode configMap() {
    return byKind.get("ConfigMap").get("data");
  }

  private static String mountedAt(JsonNode container, String path) {
    for (JsonNode mount : container.get("volumeMounts")) {
      if (mount.get("mountPath").asText().equals(path)) {
        return mount.get("name").asText();
      }
    }
    throw new AssertionError("nothing mounted at " + path);
  }

  private static JsonNode volume(JsonNode pod, String name) {
    for (JsonNode volume : pod.get("volumes")) {
      if (volume.get("name").asText().equals(name)) {
        return volume;
      }
    }
    throw new AssertionError("no volume " + name);
  }

  private static List<String> envFrom(JsonNode container) {
    List<String> sources = new ArrayList<>();
    for (JsonNode source : container.get("envFrom")) {
      source.fields().forEachRemaining(e -> sources.add(e.getKey() + ":" + e.getValue().get("name").asText()));
    }
    return sources;
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  static long mebibytes(String quantity) {
    if (quantity.endsWith("Gi")) {
      return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
    }
    if (quantity.endsWith("Mi")) {
      return Long.parseLong(quantity.substring(0, quantity.length() - 2));
    }
    throw new IllegalArgumentException("unexpected quantity " + quantity);
  }
}
