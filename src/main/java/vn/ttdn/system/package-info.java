/**
 * What every module shares: the error model of the API, the home page, web settings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.ttdn.system;
