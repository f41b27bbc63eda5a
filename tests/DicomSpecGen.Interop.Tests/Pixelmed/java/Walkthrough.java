// The PixelMed networking walkthrough as a peer for our SCP: an association built with
// AssociationFactory.createNewAssociation proposing Verification and the file's storage SOP class, a presentation
// context chosen for each with getSuitablePresentationContextID, one C-ECHO and one C-STORE, then a release.
// Usage: Walkthrough host port calledAE callingAE file. Prints one line per step; exits 0 only if both succeed.
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.CEchoRequestCommandMessage;
import com.pixelmed.network.CStoreRequestCommandMessage;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.PresentationContext;
import java.io.ByteArrayOutputStream;
import java.util.LinkedList;

public class Walkthrough {
    /** Keeps the Status of the response command set. */
    static final class StatusHandler extends CompositeResponseHandler {
        StatusHandler() {
            allowData = false;
        }

        @Override
        protected void evaluateStatusAndSetSuccess(AttributeList list) {
            status = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Status, 0xFFFF);
            success = status == 0x0000;
        }
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String calledAE = args[2];
        String callingAE = args[3];
        AttributeList object = new AttributeList();
        object.read(args[4]);
        String sopClass = Attribute.getSingleStringValueOrEmptyString(object, TagFromName.SOPClassUID);
        String sopInstance = Attribute.getSingleStringValueOrEmptyString(object, TagFromName.SOPInstanceUID);

        LinkedList<PresentationContext> contexts = new LinkedList<>();
        contexts.add(new PresentationContext((byte) 1, SOPClass.Verification, TransferSyntax.ImplicitVRLittleEndian));
        LinkedList<String> syntaxes = new LinkedList<>();
        syntaxes.add(TransferSyntax.ExplicitVRLittleEndian);
        syntaxes.add(TransferSyntax.ImplicitVRLittleEndian);
        contexts.add(new PresentationContext((byte) 3, sopClass, syntaxes));

        Association association = AssociationFactory.createNewAssociation(host, port, calledAE, callingAE, contexts, null, false);
        System.out.println("associated " + association.getCallingAETitle() + " -> " + association.getCalledAETitle());

        byte echoContext = association.getSuitablePresentationContextID(SOPClass.Verification);
        StatusHandler echo = new StatusHandler();
        association.setReceivedDataHandler(echo);
        association.send(echoContext, new CEchoRequestCommandMessage().getBytes(), null);
        association.waitForCommandPDataPDUs();
        System.out.printf("echo context %d status 0x%04X%n", echoContext, echo.getStatus());

        byte storeContext = association.getSuitablePresentationContextID(sopClass);
        String syntax = association.getTransferSyntaxForPresentationContextID(storeContext);
        object.removeGroupLengthAttributes();
        object.removeMetaInformationHeaderAttributes();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        object.write(new DicomOutputStream(data, null, syntax));
        StatusHandler store = new StatusHandler();
        association.setReceivedDataHandler(store);
        association.send(storeContext, new CStoreRequestCommandMessage(sopClass, sopInstance).getBytes(), data.toByteArray());
        association.waitForCommandPDataPDUs();
        System.out.printf("store context %d syntax %s instance %s status 0x%04X%n", storeContext, syntax, sopInstance, store.getStatus());

        association.release();
        System.out.println("released");
        System.exit(echo.wasSuccessful() && store.wasSuccessful() ? 0 : 1);
    }
}
