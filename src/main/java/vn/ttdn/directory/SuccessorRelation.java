package vn.ttdn.directory;

/** How a body's work passed to a successor (the 2025 reform renamed, merged and dissolved many). */
public enum SuccessorRelation { RENAMED, MERGED_INTO, FUNCTION_TRANSFERRED, DISSOLVED_INTO }
