package vn.ttdn.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Refuses a deployment whose user tasks (or start events) name a Camunda Form with
 * {@code camunda:formRefBinding="deployment"} that the deployment itself does not carry.
 *
 * <p>Why: the engine accepts such a deployment, and the process version it makes cannot show a
 * single form: with binding {@code deployment} the engine looks for the form only among the
 * resources deployed together with the process. Camunda Modeler deploys just the files chosen in
 * its deploy dialog, so deploying {@code plan-approval.bpmn} alone would break every new approval
 * on its first task. Here the mistake becomes a parse error, which {@code /engine-rest/deployment/create}
 * answers with 400 naming each task and the form it misses; nothing is deployed
 * (docs/adr/0005-modeler-deployments.md).
 *
 * <p>The forms are read from the deployment's raw {@code .form} resources (their JSON {@code id}),
 * so the order in which the engine deploys them does not matter. Only new deployments are checked:
 * one already in the database is parsed again whenever the engine's cache misses it, and must load.
 * A form reference given as an expression is left alone, as it is only known at run time.
 */
@Component
class DeploymentFormsGuard extends AbstractProcessEnginePlugin {

    private static final String DEPLOYMENT_BINDING = "deployment";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new FormsListener());
    }

    static class FormsListener extends AbstractBpmnParseListener {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final Set<String> FORM_HOLDERS = Set.of("userTask", "startEvent");

        @Override
        public void parseRootElement(Element root, List<ProcessDefinitionEntity> definitions) {
            if (definitions.isEmpty()) {
                return;
            }
            DeploymentEntity deployment = Context.getCommandContext().getDeploymentManager()
                    .findDeploymentById(definitions.get(0).getDeploymentId());
            if (deployment == null || !deployment.isNew()) {
                return;
            }
            Set<String> processKeys = definitions.stream().map(ProcessDefinitionEntity::getKey).collect(Collectors.toSet());
            Map<Element, String> references = new LinkedHashMap<>();
            root.elements().stream().filter(p -> "process".equals(p.getTagName()) && processKeys.contains(p.attribute("id")))
                    .forEach(process -> collect(process, references));
            Set<String> carried = formIds(deployment);
            references.values().removeIf(carried::contains);
            if (!references.isEmpty()) {
                throw new BpmnParseException(message(references), references.keySet().iterator().next());
            }
        }

        /** Each element of the scope, at any depth, that names a form bound to its deployment: element → form id. */
        private static void collect(Element scope, Map<Element, String> references) {
            for (Element element : scope.elements()) {
                String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
                String binding = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRefBinding");
                if (FORM_HOLDERS.contains(element.getTagName()) && formRef != null && DEPLOYMENT_BINDING.equals(binding)
                        && !formRef.contains("${") && !formRef.contains("#{")) {
                    references.put(element, formRef.trim());
                }
                collect(element, references);
            }
        }

        /** The ids of the Camunda Forms among the deployment's resources. */
        private static Set<String> formIds(DeploymentEntity deployment) {
            Set<String> ids = new HashSet<>();
            for (ResourceEntity resource : deployment.getResources().values()) {
                if (resource.getName().endsWith(".form") && resource.getBytes() != null) {
                    try {
                        ids.add(JSON.readTree(resource.getBytes()).path("id").asText());
                    } catch (IOException notJson) {
                        // the engine's form deployer refuses it with its own message
                    }
                }
            }
            return ids;
        }

        private static String message(Map<Element, String> missing) {
            String list = missing.entrySet().stream()
                    .map(e -> e.getKey().attribute("id") + " needs form '" + e.getValue() + "'")
                    .collect(Collectors.joining(", "));
            Set<String> forms = new TreeSet<>(missing.values());
            return "The deployment does not carry the Camunda Forms its tasks use with formRefBinding 'deployment': "
                    + list + ". Deploy the .form files " + forms + " together with the BPMN file "
                    + "(Camunda Modeler: deploy dialog, 'Include additional files').";
        }
    }
}
