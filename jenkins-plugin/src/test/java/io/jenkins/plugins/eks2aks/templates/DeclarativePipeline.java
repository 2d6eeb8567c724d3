package io.jenkins.plugins.eks2aks.templates;

import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Jenkinsfile parsed by Apache Groovy (to the AST, as Pipeline's CPS transformer starts from it; nothing is
 * resolved or run) and seen as Declarative Pipeline's sections: a section is a call such as {@code agent none},
 * {@code stage('x') { ... }} or {@code options { ... }}, with its positional arguments, named arguments and closure.
 */
final class DeclarativePipeline {

    /** One call in the file: {@code name(positional..., named...) { body }}. */
    record Call(String name, List<Expression> positional, Map<String, Expression> named, BlockStatement body, int line) {

        /** The calls directly in the body, in order. */
        List<Call> sections() {
            return body == null ? List.of() : callsIn(body);
        }

        List<Call> sections(String name) {
            return sections().stream().filter(c -> c.name().equals(name)).toList();
        }

        Call section(String name) {
            List<Call> found = sections(name);
            return found.isEmpty() ? null : found.get(0);
        }

        String firstArgument() {
            return positional.isEmpty() ? null : positional.get(0).getText();
        }
    }

    private DeclarativePipeline() {
    }

    /** The file's top-level calls; a syntax error fails with Groovy's message naming line and column. */
    static List<Call> parse(String name, String text) {
        CompilationUnit unit = new CompilationUnit();
        unit.addSource(name, text);
        unit.compile(Phases.CONVERSION);
        return callsIn(unit.getAST().getModules().get(0).getStatementBlock());
    }

    static List<Call> callsIn(BlockStatement block) {
        List<Call> calls = new ArrayList<>();
        for (Statement statement : block.getStatements()) {
            if (statement instanceof ExpressionStatement es && es.getExpression() instanceof MethodCallExpression mce && mce.isImplicitThis()) {
                calls.add(call(mce));
            }
        }
        return calls;
    }

    static Call call(MethodCallExpression mce) {
        List<Expression> positional = new ArrayList<>();
        Map<String, Expression> named = new LinkedHashMap<>();
        BlockStatement body = null;
        List<Expression> arguments = mce.getArguments() instanceof TupleExpression tuple ? tuple.getExpressions()
                : List.of(mce.getArguments());
        for (Expression argument : arguments) {
            if (argument instanceof MapExpression map) {
                for (MapEntryExpression entry : map.getMapEntryExpressions()) {
                    named.put(entry.getKeyExpression() instanceof ConstantExpression key ? String.valueOf(key.getValue())
                            : entry.getKeyExpression().getText(), entry.getValueExpression());
                }
            } else if (argument instanceof ClosureExpression closure && closure.getCode() instanceof BlockStatement block) {
                body = block;
            } else {
                positional.add(argument);
            }
        }
        return new Call(mce.getMethodAsString(), positional, named, body, mce.getLineNumber());
    }

    /** Every call made without a receiver anywhere under {@code node}: the step calls of a {@code steps} block. */
    static List<MethodCallExpression> stepCalls(ASTNode node) {
        List<MethodCallExpression> calls = new ArrayList<>();
        node.visit(new CodeVisitorSupport() {
            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                if (call.isImplicitThis()) {
                    calls.add(call);
                }
                super.visitMethodCallExpression(call);
            }
        });
        return calls;
    }
}
