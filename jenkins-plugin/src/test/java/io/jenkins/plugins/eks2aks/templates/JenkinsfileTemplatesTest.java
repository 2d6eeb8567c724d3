package io.jenkins.plugins.eks2aks.templates;

import io.jenkins.plugins.eks2aks.templates.DeclarativePipeline.Call;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every template in {@code jenkinsfiles/} parsed with Apache Groovy and held against Declarative Pipeline's structure
 * and this plugin's steps and bindings, so a template can never drift from the plugin: an unknown step, an unknown
 * or missing parameter, or a value of the wrong type fails here. Stages whose step does not exist yet hold an
 * {@code echo}; when the step lands, the stage switches to it.
 */
class JenkinsfileTemplatesTest {

    static final Path TEMPLATES = Path.of(System.getProperty("eks2aks.jenkinsfiles", "../jenkinsfiles"));
    /** Steps of Jenkins core and the usual Pipeline plugins the templates may use besides ours. */
    static final Set<String> JENKINS_STEPS = Set.of("echo", "sh", "bat", "input", "archiveArtifacts", "junit", "stash", "unstash",
            "withCredentials", "script", "timeout", "retry", "error", "dir", "writeFile", "readFile", "sleep", "node", "catchError",
            // parameter definitions of an input step
            "choice", "string", "booleanParam", "text", "password");
    static final Set<String> PIPELINE_SECTIONS = Set.of("agent", "options", "parameters", "stages", "post", "environment", "triggers",
            "tools", "libraries");
    static final Set<String> STAGE_SECTIONS = Set.of("agent", "when", "options", "input", "steps", "post", "environment", "stages",
            "parallel", "matrix", "tools", "failFast");
    static final Set<String> POST_CONDITIONS = Set.of("always", "changed", "fixed", "regression", "aborted", "failure", "success",
            "unstable", "unsuccessful", "cleanup");
    static final PluginVocabulary PLUGIN = new PluginVocabulary();

    static Stream<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".Jenkinsfile")).sorted().toList().stream();
        }
    }

    /** A problem found in a template, as "file:line: what". */
    private final List<String> problems = new ArrayList<>();
    private String file;
    private final Map<String, Class<?>> parameterTypes = new HashMap<>();

    private void problem(int line, String what) {
        problems.add(file + ":" + line + ": " + what);
    }

    @Test
    void theStatelessStatefulAndWavesTemplatesExistAndThePluginVocabularyIsComplete() {
        Set<String> names = Set.of(TEMPLATES.toFile().list());
        assertTrue(names.containsAll(Set.of("stateless.Jenkinsfile", "stateful.Jenkinsfile", "waves.Jenkinsfile")), names.toString());
        assertEquals(Set.of("aksPreflight", "convertManifests", "ecrToAcr", "eksInventory"), Set.copyOf(
                PLUGIN.steps().keySet().stream().filter(s -> Set.of("aksPreflight", "convertManifests", "ecrToAcr", "eksInventory").contains(s)).toList()));
        assertEquals(Set.of("eksKubeconfig", "aksKubeconfig"), PLUGIN.bindings().keySet());
        assertEquals(String.class, PLUGIN.steps().get("ecrToAcr").required().get("to"));
        assertEquals(int.class, PLUGIN.steps().get("ecrToAcr").parameters().get("parallel"));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void theTemplateIsDeclarativeAndCallsOnlyStepsAndParametersThePluginHas(Path template) throws IOException {
        file = template.getFileName().toString();
        List<Call> top = DeclarativePipeline.parse(file, Files.readString(template));
        assertEquals(1, top.size(), file + ": one top-level pipeline { }");
        Call pipeline = top.get(0);
        assertEquals("pipeline", pipeline.name(), file);

        for (Call section : pipeline.sections()) {
            if (!PIPELINE_SECTIONS.contains(section.name())) {
                problem(section.line(), "'" + section.name() + "' is not a section of pipeline { }");
            }
        }
        Call agent = pipeline.section("agent");
        assertNotNull(agent, file + ": pipeline needs an agent section");
        assertNotNull(pipeline.section("stages"), file + ": pipeline needs stages");
        Call options = pipeline.section("options");
        assertTrue(options != null && options.section("disableConcurrentBuilds") != null, file + ": options { disableConcurrentBuilds() }");
        Call parameters = pipeline.section("parameters");
        if (parameters != null) {
            for (Call p : parameters.sections()) {
                parameterTypes.put(String.valueOf(((ConstantExpression) p.named().get("name")).getValue()),
                        p.name().equals("booleanParam") ? Boolean.class : String.class);
            }
        }
        boolean topAgentNone = "none".equals(agent.firstArgument());

        List<String> posts = new ArrayList<>();
        stages(pipeline.section("stages"), topAgentNone, posts);
        if (pipeline.section("post") != null) {
            post(pipeline.section("post"), posts);
        }
        assertTrue(posts.contains("archiveArtifacts"), file + ": a post block archives the reports");
        if (DeclarativePipeline.stepCalls(pipeline.section("stages").body()).stream().anyMatch(c -> c.getMethodAsString().equals("aksPreflight"))) {
            assertTrue(posts.contains("junit"), file + ": a post block publishes the preflight's JUnit XML");
        }
        assertEquals(List.of(), problems);
    }

    /** One list of stages: each stage well formed, every input gate outside agents and before the traffic stage. */
    private void stages(Call stages, boolean noAgentAbove, List<String> posts) {
        boolean gated = false;
        for (Call stage : stages.sections()) {
            if (!stage.name().equals("stage")) {
                problem(stage.line(), "'" + stage.name() + "' in stages { }: only stage('name') { }");
                continue;
            }
            String name = stage.firstArgument();
            for (Call section : stage.sections()) {
                if (!STAGE_SECTIONS.contains(section.name())) {
                    problem(section.line(), "stage '" + name + "': '" + section.name() + "' is not a stage section");
                }
            }
            long bodies = Stream.of("steps", "stages", "parallel", "matrix").filter(s -> stage.section(s) != null).count();
            if (bodies != 1) {
                problem(stage.line(), "stage '" + name + "': exactly one of steps, stages, parallel or matrix");
            }
            boolean hasAgent = stage.section("agent") != null;
            Call input = stage.section("input");
            if (input != null) {
                gated = true;
                // A stage's own agent is allocated after its input is answered; an agent above it is held while waiting.
                if (!noAgentAbove) {
                    problem(input.line(), "gate '" + name + "' holds an executor while it waits: no agent above it");
                }
                if (input.section("submitter") == null || input.section("message") == null) {
                    problem(input.line(), "gate '" + name + "': input needs a message and a submitter");
                }
                Call stageOptions = stage.section("options");
                if (stageOptions == null || stageOptions.section("timeout") == null) {
                    problem(input.line(), "gate '" + name + "': options { timeout(...) } so it cannot wait forever");
                }
                if (!input.section("message").positional().get(0).getText().contains("BUILD_URL")) {
                    problem(input.line(), "gate '" + name + "': the message links the reports (env.BUILD_URL)");
                }
            }
            if (name != null && name.toLowerCase().contains("traffic") && input == null && !gated) {
                problem(stage.line(), "stage '" + name + "' moves traffic without an input gate before it");
            }
            if (stage.section("steps") != null) {
                steps(stage.section("steps"));
                if ((hasAgent || !noAgentAbove) && DeclarativePipeline.stepCalls(stage.section("steps").body()).stream()
                        .anyMatch(c -> c.getMethodAsString().equals("input"))) {
                    problem(stage.line(), "stage '" + name + "' waits for input on an agent: use the stage's input { } without an agent");
                }
            }
            if (stage.section("post") != null) {
                post(stage.section("post"), posts);
            }
            if (stage.section("stages") != null) {
                stages(stage.section("stages"), noAgentAbove && !hasAgent, posts);
            }
            if (stage.section("parallel") != null) {
                stages(stage.section("parallel"), noAgentAbove && !hasAgent, posts);
            }
            Call matrix = stage.section("matrix");
            if (matrix != null) {
                if (matrix.section("axes") == null || matrix.section("stages") == null) {
                    problem(matrix.line(), "matrix in '" + name + "' needs axes and stages");
                } else {
                    stages(matrix.section("stages"), noAgentAbove && !hasAgent && matrix.section("agent") == null, posts);
                }
            }
        }
    }

    private void post(Call post, List<String> posts) {
        for (Call condition : post.sections()) {
            if (!POST_CONDITIONS.contains(condition.name())) {
                problem(condition.line(), "'" + condition.name() + "' is not a post condition");
            }
            steps(condition);
            DeclarativePipeline.stepCalls(condition.body()).forEach(c -> posts.add(c.getMethodAsString()));
        }
    }

    /** Every call in a steps block: a Jenkins step, or one of ours with parameters it has, of compatible types. */
    private void steps(Call block) {
        for (MethodCallExpression mce : DeclarativePipeline.stepCalls(block.body())) {
            Call call = DeclarativePipeline.call(mce);
            PluginVocabulary.Describable ours = PLUGIN.steps().containsKey(call.name()) ? PLUGIN.steps().get(call.name())
                    : PLUGIN.bindings().get(call.name());
            if (ours != null) {
                arguments(ours, call);
            } else if (!JENKINS_STEPS.contains(call.name())) {
                problem(call.line(), "unknown step '" + call.name() + "': neither this plugin's nor a Jenkins step");
            }
        }
    }

    private void arguments(PluginVocabulary.Describable step, Call call) {
        if (!call.positional().isEmpty()) {
            problem(call.line(), call.name() + ": give parameters by name");
        }
        for (Map.Entry<String, Expression> argument : call.named().entrySet()) {
            Class<?> expected = step.parameters().get(argument.getKey());
            if (expected == null) {
                problem(call.line(), call.name() + ": no parameter '" + argument.getKey() + "' (it has " + step.parameters().keySet() + ")");
            } else if (!compatible(expected, type(argument.getValue()))) {
                problem(call.line(), call.name() + ": '" + argument.getKey() + "' takes " + expected.getSimpleName() + ", not "
                        + type(argument.getValue()).getSimpleName() + " (" + argument.getValue().getText() + ")");
            }
        }
        for (String required : step.required().keySet()) {
            if (!call.named().containsKey(required)) {
                problem(call.line(), call.name() + ": '" + required + "' is required");
            }
        }
    }

    /** The value's type where the file says it; Object where only the run knows (a variable, a method's result). */
    private Class<?> type(Expression value) {
        if (value instanceof ConstantExpression constant) {
            return constant.getValue() == null ? Object.class : constant.getValue().getClass();
        }
        if (value instanceof GStringExpression) {
            return String.class;
        }
        if (value instanceof ListExpression) {
            return List.class;
        }
        if (value instanceof MapExpression) {
            return Map.class;
        }
        if (value instanceof PropertyExpression property && property.getObjectExpression() instanceof VariableExpression v
                && v.getName().equals("params")) {
            Class<?> declared = parameterTypes.get(property.getPropertyAsString());
            if (declared == null) {
                problem(value.getLineNumber(), "params." + property.getPropertyAsString() + " is not declared in parameters { }");
                return Object.class;
            }
            return declared;
        }
        return Object.class;
    }

    static boolean compatible(Class<?> expected, Class<?> actual) {
        if (actual == Object.class) {
            return true;
        }
        Class<?> boxed = expected == boolean.class ? Boolean.class : expected == int.class ? Integer.class : expected == long.class ? Long.class
                : expected == double.class ? Double.class : expected;
        if (boxed == Integer.class || boxed == Long.class) {
            return actual == Integer.class || actual == Long.class;
        }
        if (boxed == Double.class) {
            return Number.class.isAssignableFrom(actual);
        }
        return boxed.isAssignableFrom(actual);
    }

    @Test
    void theCheckCatchesUnknownStepsParametersTypesAndAGateOnAnAgent() throws IOException {
        Path bad = Files.createTempFile("bad", ".Jenkinsfile");
        try {
            Files.writeString(bad, """
                    pipeline {
                        agent any
                        options { disableConcurrentBuilds() }
                        parameters { booleanParam(name: 'DRY', defaultValue: false, description: '') }
                        stages {
                            stage('Images') {
                                steps {
                                    ecrToAcr to: 'contoso.azurecr.io', parallell: 4, dryRun: 'yes'
                                    ecrToAcr imagesFile: "x", parallel: params.DRY
                                    veleroBakup name: 'b'
                                    withCredentials([eksKubeconfig(credentialsId: 'a', cluster: 'c', region: 'r', bogus: true)]) { sh 'kubectl get ns' }
                                }
                            }
                            stage('Gate') {
                                input { message 'Go?' }
                                steps { echo 'ok' }
                            }
                            stage('Traffic') { steps { echo 'moving' } }
                            stage('Ask on an agent') { steps { input message: 'Go?' } }
                        }
                        post { always { archiveArtifacts artifacts: '**' } }
                    }
                    """);
            file = "bad";
            List<Call> top = DeclarativePipeline.parse(file, Files.readString(bad));
            stages(top.get(0).section("stages"), false, new ArrayList<>());
        } finally {
            Files.delete(bad);
        }
        String all = String.join("\n", problems);
        assertTrue(all.contains("ecrToAcr: no parameter 'parallell'"), all);
        assertTrue(all.contains("ecrToAcr: 'dryRun' takes boolean, not String"), all);
        assertTrue(all.contains("ecrToAcr: 'to' is required"), all);
        assertTrue(all.contains("params.DRY is not declared") || all.contains("'parallel' takes int, not Boolean"), all);
        assertTrue(all.contains("unknown step 'veleroBakup'"), all);
        assertTrue(all.contains("eksKubeconfig: no parameter 'bogus'"), all);
        assertTrue(all.contains("gate 'Gate' holds an executor"), all);
        assertFalse(compatible(Long.class, String.class) || compatible(int.class, Boolean.class));
        assertTrue(compatible(Long.class, Integer.class) && compatible(double.class, java.math.BigDecimal.class) && compatible(Integer.class, Integer.class));
        assertTrue(all.contains("input needs a message and a submitter"), all);
        assertTrue(all.contains("stage 'Ask on an agent' waits for input on an agent"), all);
        assertFalse(all.contains("stage 'Traffic' moves traffic without"), "the gate comes before it: " + all);
    }
}
