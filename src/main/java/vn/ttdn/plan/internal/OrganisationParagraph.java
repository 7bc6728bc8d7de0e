package vn.ttdn.plan.internal;

import jakarta.persistence.Embeddable;

@Embeddable
public class OrganisationParagraph {

    private String heading;
    private String text;

    protected OrganisationParagraph() {
    }

    public OrganisationParagraph(String heading, String text) {
        this.heading = heading;
        this.text = text;
    }

    public String getHeading() { return heading; }
    public String getText() { return text; }
}
