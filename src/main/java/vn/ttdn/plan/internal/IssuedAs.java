package vn.ttdn.plan.internal;

import jakarta.persistence.Embeddable;

import java.time.LocalDate;

/**
 * What an issued plan carries: its number in the register, the date and the signer block. A plan
 * imported as issued carries what its document prints, which may be no number and no date.
 */
@Embeddable
public class IssuedAs {

    private String issuedReference;
    private LocalDate issuedOn;
    private String signerAuthority;
    private String signerPosition;
    private String signerName;

    protected IssuedAs() {
    }

    public IssuedAs(String issuedReference, LocalDate issuedOn, String signerAuthority, String signerPosition,
                    String signerName) {
        this.issuedReference = issuedReference;
        this.issuedOn = issuedOn;
        this.signerAuthority = signerAuthority;
        this.signerPosition = signerPosition;
        this.signerName = signerName;
    }

    public String getIssuedReference() { return issuedReference; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public String getSignerAuthority() { return signerAuthority; }
    public String getSignerPosition() { return signerPosition; }
    public String getSignerName() { return signerName; }

    /** Nothing recorded (the columns are all null: not issued). */
    public boolean isEmpty() {
        return issuedReference == null && issuedOn == null && signerAuthority == null && signerPosition == null
                && signerName == null;
    }
}
