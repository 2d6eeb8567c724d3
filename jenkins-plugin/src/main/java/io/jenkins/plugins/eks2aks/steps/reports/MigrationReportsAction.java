package io.jenkins.plugins.eks2aks.steps.reports;

import hudson.model.Action;
import hudson.model.Run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "EKS → AKS reports" on the build page: every report an eks2aks step wrote in this build (Markdown, HTML, JSON,
 * JUnit XML), linked through the build's archived artifacts, the only place a report outlives the workspace (the
 * templates in {@code jenkinsfiles/} archive them). One action per build, persisted with it; plain fields only.
 */
public final class MigrationReportsAction implements Action {

    /** One report: the step that wrote it, what it is, and its path relative to the workspace. */
    public static final class Report {
        private final String step;
        private final String kind;
        private final String path;

        Report(String step, String kind, String path) {
            this.step = step;
            this.kind = kind;
            this.path = path;
        }

        public String getStep() {
            return step;
        }

        public String getKind() {
            return kind;
        }

        public String getPath() {
            return path;
        }
    }

    private final List<Report> reports = new ArrayList<>();

    /**
     * Adds the reports of a step's result Map (its {@code report…} and {@code junitXml} entries) to the build's action,
     * creating it on first use. Reports outside the workspace cannot be archived and are left out.
     */
    public static void record(Run<?, ?> run, String step, Map<String, Object> summary, String workspace) {
        if (run == null || summary == null) {
            return;
        }
        List<Report> found = reports(step, summary, workspace);
        if (found.isEmpty()) {
            return;
        }
        synchronized (MigrationReportsAction.class) {
            MigrationReportsAction action = run.getAction(MigrationReportsAction.class);
            if (action == null) {
                action = new MigrationReportsAction();
                run.addAction(action);
            }
            action.add(found);
        }
    }

    static List<Report> reports(String step, Map<String, Object> summary, String workspace) {
        String root = workspace.endsWith("/") ? workspace : workspace + "/";
        List<Report> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : summary.entrySet()) {
            if ((e.getKey().startsWith("report") || e.getKey().equals("junitXml")) && e.getValue() instanceof String path
                    && path.replace('\\', '/').startsWith(root)) {
                out.add(new Report(step, e.getKey(), path.replace('\\', '/').substring(root.length())));
            }
        }
        out.sort((a, b) -> a.kind.compareTo(b.kind));
        return out;
    }

    private synchronized void add(List<Report> more) {
        for (Report r : more) {
            reports.removeIf(old -> old.path.equals(r.path));
            reports.add(r);
        }
    }

    public synchronized List<Report> getReports() {
        return new ArrayList<>(reports);
    }

    @Override
    public String getIconFileName() {
        return "clipboard.png";
    }

    @Override
    public String getDisplayName() {
        return "EKS → AKS reports";
    }

    @Override
    public String getUrlName() {
        return "eks2aks-reports";
    }
}
