package vn.ttdn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * Issue 11 §4: no variable is ever Java-serialized, so none can carry a gadget chain into the engine.
 * The engine's switch is off ({@code javaSerializationFormatEnabled=false}): a serialized Java object
 * is refused; and the engine has no Java serializer at all ({@link NoJavaSerialization}), so an object
 * set from code is refused too, and no stored value could ever be deserialized; nothing stored. The
 * processes do not need one: after an approval taken to its issuance, and whatever else the tests
 * before this one drove, every variable in the engine, running or in history, is of a primitive type
 * (structured data lives in the application's own tables, or as JSON text).
 */
@WebTest
class NoJavaSerializationTest {

    private static final Set<String> PRIMITIVE = Set.of("string", "long", "integer", "short", "double", "boolean",
            "date", "null");
    /** An empty java.util.ArrayList, Java-serialized and in Base64: what an attacker's gadget would look like. */
    private static final String SERIALIZED_LIST = "rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==";

    @Autowired
    ProcessEngine engine;
    @Autowired
    Chain chain;
    @Autowired
    Db db;

    @Test
    void javaSerializedAndOtherObjectVariablesAreRefusedAndNoneIsEverStored() throws Exception {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .isJavaSerializationFormatEnabled()).isFalse();
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-NO-JAVA-SER");
        Chain.ok(chain.start(planId, Chain.Cast.of("qng").drafter()));
        String instance = db.jdbc().queryForObject("select instance_id from ttdn.process_instance_info where plan_id = ? "
                + "and process_key = 'plan-approval'", String.class, planId);

        assertThatThrownBy(() -> engine.getRuntimeService().setVariable(instance, "gadget",
                Variables.serializedObjectValue(SERIALIZED_LIST)
                        .serializationDataFormat(Variables.SerializationDataFormats.JAVA)
                        .objectTypeName("java.util.ArrayList").create()))
                .isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> engine.getRuntimeService().setVariable(instance, "gadget",
                new ArrayList<>(List.of("một", "hai")))).isInstanceOf(ProcessEngineException.class);
        assertThat(engine.getRuntimeService().getVariable(instance, "gadget")).isNull();

        chain.upToIssue(planId, Chain.Cast.of("qng"));
        assertThat(db.jdbc().queryForList("select distinct type_ from public.act_ru_variable union "
                + "select distinct var_type_ from public.act_hi_varinst", String.class))
                .isNotEmpty().allMatch(PRIMITIVE::contains, "a primitive type");
        assertThat(db.jdbc().queryForObject("select count(*) from public.act_hi_varinst where name_ = 'gadget'",
                Long.class)).isZero();
    }
}
