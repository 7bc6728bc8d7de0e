package vn.ttdn.plan;

import org.springframework.stereotype.Component;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.system.NotFoundException;

/** The letterhead of any body's documents (a report, a consolidated report), as a plan's heading is drawn. */
@Component
public class Letterheads {

    private final DirectoryService directory;

    Letterheads(DirectoryService directory) {
        this.directory = directory;
    }

    public Letterhead of(String bodyCode) {
        BodyView body = directory.body(bodyCode).orElseThrow(() -> new NotFoundException("No body " + bodyCode));
        BodyView parent = body.parent() == null ? null : directory.body(body.parent()).orElse(null);
        return new Letterhead(DocumentHeadings.isParty(body, parent),
                DocumentHeadings.issuerLines(body, parent, body.name()), DocumentHeadings.place(body, parent));
    }
}
