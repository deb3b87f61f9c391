package org.kontor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What designers edit must fit what the Java side provides: every delegateExpression names a bean, every
 * formRef a form in forms/, every element template in connectors/ an existing robot bean; every robot
 * step is async with an explicit retry cycle; element ids are meaningful, not generated.
 */
@ProcessTest
class ProcessContractTest {

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
    private static final Pattern GENERATED_ID = Pattern.compile("^(Activity|Task|Gateway|Event|Flow|StartEvent|EndEvent)_[0-9a-z]{7}$");
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    ApplicationContext context;

    @TestFactory
    Stream<DynamicTest> everyProcessFitsTheCode() throws IOException {
        Set<String> formIds = formIds();
        List<DynamicTest> tests = new ArrayList<>();
        for (Resource bpmn : resources.getResources("classpath*:processes/**/*.bpmn")) {
            tests.add(DynamicTest.dynamicTest(bpmn.getFilename(), () -> checkProcess(bpmn, formIds)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyElementTemplateNamesARobot() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Resource template : resources.getResources("classpath*:connectors/**/*.json")) {
            tests.add(DynamicTest.dynamicTest(template.getFilename(), () -> checkTemplate(template)));
        }
        return tests.stream();
    }

    @Test
    void formsHaveUniqueIds() throws IOException {
        List<String> ids = new ArrayList<>();
        for (Resource form : resources.getResources("classpath*:forms/**/*.form")) {
            try (InputStream in = form.getInputStream()) {
                ids.add(json.readTree(in).path("id").asText());
            }
        }
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isNotBlank());
    }

    private void checkProcess(Resource bpmn, Set<String> formIds) throws IOException {
        BpmnModelInstance model;
        try (InputStream in = bpmn.getInputStream()) {
            model = Bpmn.readModelFromStream(in);
        }
        Bpmn.validateModel(model);
        for (ModelElementInstance element : model.getModelElementsByType(
                model.getModel().getType(org.camunda.bpm.model.bpmn.instance.BaseElement.class))) {
            DomElement dom = element.getDomElement();
            String id = dom.getAttribute("id");
            if (element instanceof FlowNode) {
                assertThat(id).as("element id in %s", bpmn.getFilename()).doesNotMatch(GENERATED_ID);
            }
        }
        for (ModelElementInstance element : allElements(model)) {
            String delegate = element.getDomElement().getAttribute(CAMUNDA_NS, "delegateExpression");
            if (delegate != null) {
                assertThat(beanName(delegate)).as("delegateExpression %s in %s", delegate, bpmn.getFilename())
                        .satisfies(name -> assertThat(context.containsBean(name))
                                .as("bean '%s' (from %s) exists", name, bpmn.getFilename()).isTrue());
            }
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            assertThat(task.isCamundaAsyncBefore()).as("robot step %s is asyncBefore", task.getId()).isTrue();
            assertThat(task.getExtensionElements() == null ? List.of()
                    : task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list())
                    .as("robot step %s has an explicit retry cycle", task.getId()).isNotEmpty();
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String formRef = task.getCamundaFormRef();
            assertThat(formRef).as("user task %s has a camunda:formRef", task.getId()).isNotBlank();
            assertThat(formIds).as("form '%s' of %s exists in forms/", formRef, task.getId()).contains(formRef);
            assertThat(task.getCamundaCandidateGroups()).as("user task %s has candidate groups", task.getId()).isNotBlank();
        }
    }

    private void checkTemplate(Resource template) throws IOException {
        JsonNode root;
        try (InputStream in = template.getInputStream()) {
            root = json.readTree(in);
        }
        List<JsonNode> templates = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(templates::add);
        } else {
            templates.add(root);
        }
        for (JsonNode t : templates) {
            assertThat(t.path("id").asText()).as("template id in %s", template.getFilename()).isNotBlank();
            boolean namesBean = false;
            for (JsonNode property : t.path("properties")) {
                JsonNode binding = property.path("binding");
                if ("camunda:delegateExpression".equals(binding.path("name").asText())) {
                    String bean = beanName(property.path("value").asText());
                    assertThat(context.containsBean(bean)).as("template %s names bean '%s'", t.path("id").asText(), bean)
                            .isTrue();
                    namesBean = true;
                }
            }
            assertThat(namesBean).as("template %s binds camunda:delegateExpression", t.path("id").asText()).isTrue();
        }
    }

    private Set<String> formIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (Resource form : resources.getResources("classpath*:forms/**/*.form")) {
            try (InputStream in = form.getInputStream()) {
                ids.add(json.readTree(in).path("id").asText());
            }
        }
        return ids;
    }

    private static List<ModelElementInstance> allElements(BpmnModelInstance model) {
        List<ModelElementInstance> all = new ArrayList<>();
        collect(model.getDocumentElement(), all);
        return all;
    }

    private static void collect(ModelElementInstance element, List<ModelElementInstance> into) {
        into.add(element);
        for (DomElement child : element.getDomElement().getChildElements()) {
            ModelElementInstance instance = child.getModelElementInstance();
            if (instance != null) {
                collect(instance, into);
            }
        }
    }

    private static String beanName(String expression) {
        Matcher matcher = BEAN_EXPRESSION.matcher(expression.strip());
        assertThat(matcher.matches()).as("'%s' is a plain ${beanName} expression", expression).isTrue();
        return matcher.group(1);
    }
}
