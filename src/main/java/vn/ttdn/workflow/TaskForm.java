package vn.ttdn.workflow;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** A task's Camunda Form ({@code schema}) with the values and option lists to show in it ({@code data}). */
public record TaskForm(TaskView task, JsonNode schema, Map<String, Object> data) {
}
