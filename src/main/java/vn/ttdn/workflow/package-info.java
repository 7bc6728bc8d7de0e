/**
 * The only package that talks to the workflow engine (Camunda 7 CE). Everything under
 * {@code org.camunda.*} is imported here and nowhere else, so moving to Operaton is a rename
 * (docs/adr/0001-engine.md). The engine's REST API and webapps are for administrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow engine")
package vn.ttdn.workflow;
