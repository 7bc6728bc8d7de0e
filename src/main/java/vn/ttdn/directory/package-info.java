/**
 * The directory of bodies (cơ quan, đơn vị) with their history, and of people with their roles.
 * Other modules use {@link vn.ttdn.directory.DirectoryService} and the records beside it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package vn.ttdn.directory;
