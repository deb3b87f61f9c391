package org.kontor.platform.engine;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Refuses (as a bad request, HTTP 400 through /engine-rest) deployments that would run code chosen by whoever can deploy: script tasks, script listeners,
 * script conditions and input/output scripts. Also refuses any model with a DOCTYPE, which has no
 * legitimate use in BPMN/DMN/CMMN and is the door for entity-expansion attacks.
 */
public class DeploymentGuard implements Deployer {

    private static final Set<String> MODEL_SUFFIXES = Set.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".cmmn",
            ".cmmn11.xml");

    @Override
    public void deploy(DeploymentEntity deployment) {
        Map<String, ResourceEntity> resources = deployment.getResources();
        if (resources == null) {
            return;
        }
        for (ResourceEntity resource : resources.values()) {
            String name = resource.getName().toLowerCase(Locale.ROOT);
            if (MODEL_SUFFIXES.stream().anyMatch(name::endsWith)) {
                check(resource.getName(), resource.getBytes());
            }
        }
    }

    static void check(String resourceName, byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        refuse(resourceName, "it contains a DOCTYPE declaration");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        checkElement(resourceName, reader);
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            refuse(resourceName, "it is not well-formed XML (" + e.getMessage() + ")");
        }
    }

    private static void checkElement(String resourceName, XMLStreamReader reader) {
        String element = reader.getLocalName();
        switch (element) {
            case "scriptTask" -> refuse(resourceName, "it contains a script task ('" + id(reader) + "')");
            case "script" -> refuse(resourceName, "it contains a script (camunda:script or a script listener)");
            case "conditionExpression", "condition" -> {
                String language = reader.getAttributeValue(null, "language");
                if (language != null && !language.isBlank()) {
                    refuse(resourceName, "it contains a condition in the script language '" + language + "'");
                }
            }
            default -> {
                // DMN: expression languages other than FEEL/JUEL are scripts too
                String language = reader.getAttributeValue(null, "expressionLanguage");
                if (language != null && isScriptLanguage(language)) {
                    refuse(resourceName, "it uses the script expression language '" + language + "'");
                }
            }
        }
    }

    private static boolean isScriptLanguage(String language) {
        String l = language.toLowerCase(Locale.ROOT);
        return !(l.contains("feel") || l.equals("juel") || l.startsWith("http://www.omg.org/spec/dmn"));
    }

    private static String id(XMLStreamReader reader) {
        String id = reader.getAttributeValue(null, "id");
        return id == null ? "?" : id;
    }

    private static void refuse(String resourceName, String reason) {
        throw new BadUserRequestException("Deployment refused: '" + resourceName + "' is not allowed because " + reason
                + ". Kontor runs only Java robots (delegateExpression) and FEEL/JUEL expressions.");
    }
}
