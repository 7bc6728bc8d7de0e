package vn.ttdn.directory;

/** What a body is; decides, among other things, how its document numbers are written. */
public enum BodyKind {
    GOVERNMENT, PEOPLES_COMMITTEE, PEOPLES_COUNCIL, OFFICE, DEPARTMENT, PARTY_COMMITTEE, PARTY_BOARD,
    FRONT, MASS_ORGANISATION, PRESS, POLICE, MILITARY,
    /** A designation that stands for several bodies at once ("Các sở, ban, ngành tỉnh"). */
    COLLECTIVE,
    OTHER;

    public boolean isParty() {
        return this == PARTY_COMMITTEE || this == PARTY_BOARD;
    }
}
