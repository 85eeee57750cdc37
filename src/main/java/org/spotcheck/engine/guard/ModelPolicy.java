package org.spotcheck.engine.guard;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a process owner may put in a deployed model. A deployed diagram is code: an
 * expression in it reaches every Spring bean and the engine's services, and a timer runs
 * it with no user at all. So a diagram may call only the application's delegates, by
 * name ({@code ${takeDownListing}}), and its other expressions may only read process
 * variables by name and combine them with operators and literals. Decision tables stay
 * FEEL. Pure Java over the XML: no engine needed to say what is wrong.
 * <p>Size: the whole of what a process owner may deploy, rule after rule as
 * docs/process-owners.md lists them; split up, the rules would hide from each other.
 */
public final class ModelPolicy {

    /** A rule a model breaks: where (the nearest element with an id) and why. */
    public record Violation(String resource, String elementId, String message) {
        @Override
        public String toString() {
            return resource + (elementId == null ? "" : " (" + elementId + ")") + ": " + message;
        }
    }

    private static final Set<String> CAMUNDA_NS = Set.of(
            "http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn", "http://camunda.org/schema/1.0/dmn");
    /**
     * Attributes that load a Java class, a script file or HTML: camunda:type picks a built-in
     * behaviour such as {@code shell} (runs a command) or {@code mail}; camunda:formKey an
     * embedded HTML form whose scripts run in the viewer's Tasklist session. Forms are
     * {@code camunda:formRef} to a Camunda Form.
     */
    private static final Set<String> CODE_ATTRIBUTES = Set.of("class", "formHandlerClass", "variableMappingClass",
            "resource", "type", "formKey");
    /** What a non-admin deployment may hold: models and Camunda Forms, nothing a browser or engine would run. */
    private static final List<String> MODEL_SUFFIXES = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form");
    private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression", "variableMappingDelegateExpression");
    /** Names the engine resolves to itself rather than to a process variable. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "caseExecution", "externalTask",
            "variableScope", "processEngine", "processEngineServices", "processEngineConfiguration", "connector");
    private static final Set<String> EL_KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
            "true", "false", "null", "empty", "div", "mod", "instanceof");
    private static final Pattern DELEGATE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    // JUEL takes any Unicode white space between tokens (U+3000 too), and a literal can be followed by a dot
    private static final Pattern PROPERTY_ACCESS = Pattern.compile("[\\p{L}\\p{N}_$\\])'\"]\\s*\\.\\s*[\\p{L}_$]",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![A-Za-z0-9_$.])[A-Za-z_$][A-Za-z0-9_$]*");
    /** A business rule task's output mapping, the one call a model may make: reading its own decision's result. */
    private static final Pattern DECISION_RESULT = Pattern.compile(
            "\\s*decisionResult\\s*\\.\\s*(?:getSingleResult\\(\\)\\s*\\.\\s*get(?:Entry)?\\('[A-Za-z_][A-Za-z0-9_]*'\\)"
                    + "|getSingleEntry\\(\\))\\s*");
    private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\b|\\bjava\\s*:", Pattern.CASE_INSENSITIVE);

    private final Set<String> delegates;
    private final Set<String> reserved;

    /**
     * @param delegates the delegate beans a diagram may name
     * @param reserved  names an expression may not read: every other bean, and process variables
     *                  no model may copy (persona data)
     */
    public ModelPolicy(Set<String> delegates, Set<String> reserved) {
        this.delegates = new TreeSet<>(delegates);
        this.reserved = Set.copyOf(reserved);
    }

    /** @return what the resource breaks; empty when it may be deployed */
    public List<Violation> check(String resource, byte[] content) {
        String name = resource.toLowerCase(Locale.ROOT);
        List<Violation> violations = new ArrayList<>();
        if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
            violations.add(new Violation(resource, null, "CMMN case models are not deployed: spotcheck runs BPMN and DMN"));
        } else if (MODEL_SUFFIXES.stream().noneMatch(name::endsWith)) {
            violations.add(new Violation(resource, null, "only diagrams (.bpmn), decision tables (.dmn) and Camunda "
                    + "Forms (.form) may be deployed, not scripts, HTML or other files"));
        } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            walk(parse(resource, content, violations), resource, false, violations);
        } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
            walk(parse(resource, content, violations), resource, true, violations);
        }
        return violations;
    }

    private static Element parse(String resource, byte[] content, List<Violation> violations) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // a model has no business loading other files
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new ByteArrayInputStream(content));
            return document.getDocumentElement();
        } catch (Exception e) {
            violations.add(new Violation(resource, null, "not well-formed XML without a DOCTYPE: " + e.getMessage()));
            return null;
        }
    }

    private void walk(Element element, String resource, boolean dmn, List<Violation> violations) {
        if (element == null) {
            return;
        }
        String where = nearestId(element);
        String local = element.getLocalName();
        boolean camunda = isCamunda(element.getNamespaceURI());
        if (!dmn && ("import".equals(local) || element.hasAttribute("implementation")
                || element.hasAttribute("operationRef"))) {
            violations.add(new Violation(resource, where, "imports, web service implementations and operations are not "
                    + "allowed: use the application's delegates"));
        }
        if (!dmn && "scriptTask".equals(local)) {
            violations.add(new Violation(resource, where, "script tasks are not allowed: use a service task with one "
                    + "of the application's delegates"));
        }
        if (camunda && ("script".equals(local) || "connector".equals(local))) {
            violations.add(new Violation(resource, where, "camunda:" + local + " is not allowed: a deployed model may "
                    + "not run scripts or call connectors"));
        }
        if (camunda && "constraint".equals(local) && "validator".equals(element.getAttribute("name"))) {
            violations.add(new Violation(resource, where, "custom form field validators are not allowed"));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            attribute((Attr) attributes.item(i), resource, where, dmn, violations);
        }
        if (!"documentation".equals(local) && !"textAnnotation".equals(local)) {
            String text = ownText(element);
            if (!text.isBlank()) {
                value(text, "<" + element.getNodeName() + ">", resource, where, dmn, violations);
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                walk(childElement, resource, dmn, violations);
            }
        }
    }

    private void attribute(Attr attribute, String resource, String where, boolean dmn, List<Violation> violations) {
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        // listeners and fields take their class and expressions as plain attributes of a camunda element
        boolean camunda = isCamunda(attribute.getNamespaceURI()) || (attribute.getNamespaceURI() == null
                && isCamunda(attribute.getOwnerElement().getNamespaceURI()));
        if (camunda) {
            // camunda:type and camunda:formKey only as such: a plain type="string" on a camunda:formField is a data type
            boolean plain = attribute.getNamespaceURI() == null;
            if (CODE_ATTRIBUTES.contains(name) && !(plain && ("type".equals(name) || "formKey".equals(name)))) {
                violations.add(new Violation(resource, where, "camunda:" + name + " is not allowed: a deployed model "
                        + "may call only the application's delegates, as camunda:delegateExpression=\"${name}\""));
                return;
            }
            if (DELEGATE_ATTRIBUTES.contains(name)) {
                Matcher delegate = DELEGATE.matcher(value.trim());
                if (!delegate.matches() || !delegates.contains(delegate.group(1))) {
                    violations.add(new Violation(resource, where, "camunda:" + name + "=\"" + value + "\" names no "
                            + "delegate of the application; it may be one of " + delegates));
                }
                return;
            }
        }
        if (name.equals("language") && !dmn) {
            violations.add(new Violation(resource, where, "language=\"" + value + "\" makes a script: conditions and "
                    + "expressions are JUEL over process variables"));
            return;
        }
        if (name.equals("expressionLanguage") && !isFeel(value) && (dmn || !isJuel(value))) {
            violations.add(new Violation(resource, where, "expressionLanguage=\"" + value + "\" is not allowed: "
                    + (dmn ? "decision tables use FEEL" : "diagrams use JUEL over process variables")));
            return;
        }
        value(value, name, resource, where, dmn, violations);
    }

    private void value(String value, String what, String resource, String where, boolean dmn, List<Violation> violations) {
        if (dmn) {
            if (value.contains("${") || value.contains("#{")) {
                violations.add(new Violation(resource, where, what + " holds a JUEL expression: decision tables use FEEL"));
            } else if (FEEL_EXTERNAL.matcher(value).find()) {
                violations.add(new Violation(resource, where, what + " declares an external (Java) function: "
                        + "decision tables use FEEL's own functions only"));
            }
            return;
        }
        for (String expression : expressions(value)) {
            String problem = expressionProblem(expression);
            if (problem != null) {
                violations.add(new Violation(resource, where, what + " \"" + abbreviate(value) + "\" " + problem));
            }
        }
    }

    /** @return why a JUEL expression body may not be deployed, or null */
    private String expressionProblem(String body) {
        if (DECISION_RESULT.matcher(body).matches()) {
            return null;
        }
        String code = STRING_LITERAL.matcher(body).replaceAll("''");
        if (code.contains("(")) {
            return "calls a method or function: expressions may only read process variables";
        }
        if (code.contains("[")) {
            return "indexes into an object: expressions may only read process variables by name";
        }
        if (PROPERTY_ACCESS.matcher(code).find()) {
            return "reads a property of an object: expressions may only read process variables by name";
        }
        Matcher identifiers = IDENTIFIER.matcher(code);
        while (identifiers.find()) {
            String identifier = identifiers.group();
            if (EL_KEYWORDS.contains(identifier)) {
                continue;
            }
            if (ENGINE_NAMES.contains(identifier) || reserved.contains(identifier) || delegates.contains(identifier)) {
                return "reaches '" + identifier + "', which is not a process variable a model may read";
            }
        }
        return null;
    }

    /** The bodies of every {@code ${...}} and {@code #{...}} in a value, string literals kept whole. */
    static List<String> expressions(String value) {
        List<String> bodies = new ArrayList<>();
        int i = 0;
        while (i < value.length() - 1) {
            char c = value.charAt(i);
            if ((c == '$' || c == '#') && value.charAt(i + 1) == '{') {
                int start = i + 2;
                int j = start;
                char quote = 0;
                while (j < value.length()) {
                    char d = value.charAt(j);
                    if (quote != 0) {
                        if (d == '\\') {
                            j++;
                        } else if (d == quote) {
                            quote = 0;
                        }
                    } else if (d == '\'' || d == '"') {
                        quote = d;
                    } else if (d == '}') {
                        break;
                    }
                    j++;
                }
                bodies.add(value.substring(start, Math.min(j, value.length())));
                i = j + 1;
            } else {
                i++;
            }
        }
        return bodies;
    }

    private static boolean isCamunda(String namespace) {
        return namespace != null && CAMUNDA_NS.contains(namespace);
    }

    private static boolean isFeel(String language) {
        return language.toLowerCase(Locale.ROOT).contains("feel");
    }

    private static boolean isJuel(String language) {
        return language.toLowerCase(Locale.ROOT).contains("juel");
    }

    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }

    private static String nearestId(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (e.hasAttribute("id")) {
                return e.getAttribute("id");
            }
        }
        return null;
    }

    private static String abbreviate(String value) {
        String flat = value.strip().replaceAll("\\s+", " ");
        return flat.length() <= 120 ? flat : flat.substring(0, 117) + "...";
    }
}
