package org.vidcut.standalone.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vidcut.standalone.deploy.DeployFiles.listAt;
import static org.vidcut.standalone.deploy.DeployFiles.mapsAt;
import static org.vidcut.standalone.deploy.DeployFiles.stringAt;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard and the Prometheus alert rules against the code and the docs: every vidcut metric they
 * query is one the services export, compose and Kubernetes carry the same rules, and every alert names a runbook
 * section that exists.
 */
class MonitoringFilesTest {

    /** A metrics table row of docs/production.md: {@code | `vidcut_name{labels}` | type |}. */
    private static final Pattern METRIC_ROW = Pattern.compile(
            "^\\| `(vidcut_[a-z0-9_]+)(?:\\{[^}]*\\})?` \\| (counter|gauge|histogram) \\|", Pattern.MULTILINE);

    private static final Pattern VIDCUT_METRIC = Pattern.compile("\\bvidcut_[a-z0-9_]+");
    private static final Pattern HEADING = Pattern.compile("^#{2,4} (.+)$", Pattern.MULTILINE);
    private static final String RUNBOOK_PREFIX = "docs/production.md#";

    private static Path monitoring;
    private static List<Map<String, Object>> rules;

    @BeforeAll
    static void load() {
        monitoring = DeployFiles.root().resolve("monitoring");
        rules = new ArrayList<>();
        for (Map<String, Object> group : mapsAt(alertRules(), "groups")) {
            rules.addAll(mapsAt(group, "rules"));
        }
    }

    private static Map<String, Object> alertRules() {
        return DeployFiles.yamlMap(monitoring.resolve("prometheus/alerts.yml"));
    }

    @Test
    void everyVidcutMetricTheDashboardAndTheAlertsQueryIsExportedByTheServices() throws IllegalAccessException {
        Set<String> exported = exportedSeries();
        Map<String, String> queries = new LinkedHashMap<>();
        dashboard()
                .path("panels")
                .forEach(panel -> panel.path("targets")
                        .forEach(target -> queries.put(
                                "panel '" + panel.path("title").asString() + "' "
                                        + target.path("refId").asString(),
                                target.path("expr").asString())));
        rules.forEach(rule -> queries.put("alert " + rule.get("alert"), String.valueOf(rule.get("expr"))));

        assertThat(queries).hasSizeGreaterThan(10);
        queries.forEach((where, query) -> {
            Matcher metric = VIDCUT_METRIC.matcher(query);
            assertThat(metric.find())
                    .as("%s queries a vidcut metric: %s", where, query)
                    .isTrue();
            do {
                assertThat(exported).as("%s: %s", where, query).contains(metric.group());
            } while (metric.find());
        });
    }

    @Test
    void composeAndKubernetesCarryTheSameAlertRules() {
        Path component = DeployFiles.root().resolve("k8s/components/prometheus-operator");
        Map<String, Object> prometheusRule = DeployFiles.yamlMap(component.resolve("prometheusrule.yaml"));

        assertThat(prometheusRule.get("kind")).isEqualTo("PrometheusRule");
        assertThat(DeployFiles.at(prometheusRule, "spec.groups"))
                .isEqualTo(alertRules().get("groups"));
        assertThat(listAt(DeployFiles.yamlMap(component.resolve("kustomization.yaml")), "resources"))
                .containsExactlyInAnyOrder("podmonitor.yaml", "prometheusrule.yaml");
    }

    @Test
    void everyAlertHasASeverityAndARunbookSectionThatExists() {
        Set<String> sections = new TreeSet<>();
        Matcher heading = HEADING.matcher(DeployFiles.read(DeployFiles.root().resolve("docs/production.md")));
        while (heading.find()) {
            sections.add(slug(heading.group(1)));
        }

        assertThat(rules).isNotEmpty();
        for (Map<String, Object> rule : rules) {
            String alert = String.valueOf(rule.get("alert"));
            assertThat(stringAt(rule, "labels.severity")).as(alert).isIn("critical", "warning");
            String runbook = stringAt(rule, "annotations.runbook");
            assertThat(runbook).as(alert).startsWith(RUNBOOK_PREFIX);
            assertThat(sections).as(alert).contains(runbook.substring(RUNBOOK_PREFIX.length()));
        }
    }

    @Test
    void composeProvisionsPrometheusWithTheRulesAndGrafanaWithTheDashboardAndItsDataSource() {
        ComposeFile compose =
                ComposeFile.load(DeployFiles.envFile(DeployFiles.root().resolve(".env.example")));
        List<Object> prometheusVolumes = listAt(compose.service("prometheus"), "volumes");
        List<Object> grafanaVolumes = listAt(compose.service("grafana"), "volumes");
        Map<String, Object> prometheus = DeployFiles.yamlMap(monitoring.resolve("prometheus/prometheus.yml"));
        Map<String, Object> dataSource = mapsAt(
                        DeployFiles.yamlMap(monitoring.resolve("grafana/provisioning/datasources/prometheus.yaml")),
                        "datasources")
                .get(0);
        Map<String, Object> dashboards = mapsAt(
                        DeployFiles.yamlMap(monitoring.resolve("grafana/provisioning/dashboards/vidcut.yaml")),
                        "providers")
                .get(0);

        assertThat(prometheusVolumes)
                .contains("./monitoring/prometheus/alerts.yml:"
                        + listAt(prometheus, "rule_files").get(0) + ":ro");
        assertThat(grafanaVolumes)
                .contains(
                        "./monitoring/grafana/provisioning:/etc/grafana/provisioning:ro",
                        "./monitoring/grafana/dashboards:" + stringAt(dashboards, "options.path") + ":ro");
        assertThat(stringAt(dataSource, "url")).isEqualTo("http://prometheus:9090");
        Set<String> dataSourceUids = new TreeSet<>();
        dashboard()
                .path("panels")
                .forEach(panel ->
                        dataSourceUids.add(panel.path("datasource").path("uid").asString()));
        assertThat(dataSourceUids).containsExactly(stringAt(dataSource, "uid"));
    }

    @Test
    void composePrometheusScrapesEachServiceOnItsManagementPort() {
        Map<String, Object> prometheus = DeployFiles.yamlMap(monitoring.resolve("prometheus/prometheus.yml"));
        ComposeFile compose =
                ComposeFile.load(DeployFiles.envFile(DeployFiles.root().resolve(".env.example")));
        for (ServiceModule module : ServiceModule.all()) {
            Map<String, Object> job = mapsAt(prometheus, "scrape_configs").stream()
                    .filter(scrape -> module.name().equals(scrape.get("job_name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no scrape job " + module.name()));
            Map<String, Object> discovery = mapsAt(job, "dns_sd_configs").get(0);
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            assertThat(listAt(discovery, "names")).containsExactly(module.name());
            assertThat(discovery.get("port")).isEqualTo(module.managementPort(compose.environment(module.name())));
        }
    }

    @Test
    void theAlertRulesPassTheirPromtoolUnitTests() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is installed (Debian package prometheus)");
        Process process = new ProcessBuilder("promtool", "test", "rules", "alerts.test.yml")
                .directory(monitoring.resolve("prometheus").toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS");
    }

    private static boolean onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Prometheus names of the meters the {@code *Metrics} classes declare, in the form the docs' metrics table
     * gives their type: counters end in {@code _total}, histograms export {@code _bucket}, {@code _count},
     * {@code _sum} and {@code _max}.
     */
    private static Set<String> exportedSeries() throws IllegalAccessException {
        Map<String, String> documentedTypes = new LinkedHashMap<>();
        Matcher row = METRIC_ROW.matcher(DeployFiles.read(DeployFiles.root().resolve("docs/production.md")));
        while (row.find()) {
            documentedTypes.put(row.group(1), row.group(2));
        }
        Set<String> series = new TreeSet<>();
        for (ServiceModule module : ServiceModule.all()) {
            for (String meter : ProductionDocsTest.meterNames(module.basePackage())) {
                String base = meter.replace('.', '_').toLowerCase(Locale.ROOT);
                String name = List.of(base, base + "_total", base + "_seconds").stream()
                        .filter(documentedTypes::containsKey)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(meter + " is not in the metrics table of the docs"));
                if ("histogram".equals(documentedTypes.get(name))) {
                    List.of("_bucket", "_count", "_sum", "_max").forEach(suffix -> series.add(name + suffix));
                } else {
                    series.add(name);
                }
            }
        }
        return series;
    }

    private static JsonNode dashboard() {
        return JsonMapper.builder()
                .build()
                .readTree(DeployFiles.read(monitoring.resolve("grafana/dashboards/vidcut.json")));
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
    private static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 _-]", "")
                .trim()
                .replace(' ', '-');
    }
}
