// Validates many data files against one shapes file with Jena's SHACL engine, in one JVM.
// Usage: java -cp JENA ShaclBatch.java SHAPES DATA...
// Prints, per data file: "FILE<TAB>conforms" or "FILE<TAB>not conforms", then one line per
// result: "FILE<TAB>FOCUS<TAB>COMPONENT" (the local name of sh:sourceConstraintComponent);
// a blank focus node prints as _:b.
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;

public class ShaclBatch {
    public static void main(String[] args) {
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(args[0]));
        for (int i = 1; i < args.length; i++) {
            Graph data = RDFDataMgr.loadGraph(args[i]);
            ValidationReport report = ShaclValidator.get().validate(shapes, data);
            System.out.println(args[i] + "\t" + (report.conforms() ? "conforms" : "not conforms"));
            for (ReportEntry entry : report.getEntries()) {
                String component = entry.sourceConstraintComponent().getURI();
                // Blank node labels differ between engines: every blank node prints as _:b.
                String focus = entry.focusNode().isURI() ? entry.focusNode().getURI()
                    : entry.focusNode().isBlank() ? "_:b" : entry.focusNode().toString();
                System.out.println(args[i] + "\t" + focus + "\t"
                    + component.substring(component.lastIndexOf('#') + 1));
            }
        }
    }
}
