package vn.ttdn.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.JavaObjectSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.springframework.stereotype.Component;

/**
 * The engine without its Java serializer (issue 11 §4). {@code javaSerializationFormatEnabled=false}
 * only refuses a value that arrives already serialized; an object set from code would still be written,
 * and read back, with Java serialization, and reading one is how a gadget chain runs. With the serializer
 * gone, an object variable is refused ("Cannot find serializer"), and no stored value could ever be
 * deserialized. The processes need none: they keep only primitive values (NoJavaSerializationTest).
 */
@Component
class NoJavaSerialization extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        VariableSerializers serializers = configuration.getVariableSerializers();
        for (TypedValueSerializer<?> serializer : serializers.getSerializers()) {
            if (serializer instanceof JavaObjectSerializer) {
                serializers.removeSerializer(serializer);
            }
        }
    }
}
