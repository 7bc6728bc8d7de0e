package vn.ttdn.plan.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** The real document a plan file encodes: its number, date and signer as printed. */
@Embeddable
public class SourceReference {

    @Column(name = "source_number")
    private String number;
    @Column(name = "source_date")
    private LocalDate date;
    @Column(name = "source_place")
    private String place;
    @Column(name = "source_signer_name")
    private String signerName;
    @Column(name = "source_signer_title")
    private String signerTitle;
    @Column(name = "source_submission_number")
    private String submissionNumber;
    @Column(name = "source_submission_date")
    private LocalDate submissionDate;
    @Column(name = "source_file")
    private String file;

    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getSignerName() { return signerName; }
    public void setSignerName(String signerName) { this.signerName = signerName; }
    public String getSignerTitle() { return signerTitle; }
    public void setSignerTitle(String signerTitle) { this.signerTitle = signerTitle; }
    public String getSubmissionNumber() { return submissionNumber; }
    public void setSubmissionNumber(String submissionNumber) { this.submissionNumber = submissionNumber; }
    public LocalDate getSubmissionDate() { return submissionDate; }
    public void setSubmissionDate(LocalDate submissionDate) { this.submissionDate = submissionDate; }
    public String getFile() { return file; }
    public void setFile(String file) { this.file = file; }
}
