package vn.ttdn.directory;

public enum BodyLevel { CENTRAL, PROVINCE, DISTRICT, COMMUNE }
