using System.Buffers;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Fuzz;

/// <summary>Seed PDUs: the PDUs captured between DCMTK peers (tests/corpus/pdu) plus a few built with the codec
/// for what the capture lacks (A-ABORT, user identity, role selection, extended negotiation, several PDVs).</summary>
public static class FuzzSeeds
{
    public static List<byte[]> Load(string corpusDirectory)
    {
        var seeds = Directory.EnumerateFiles(corpusDirectory, "*.bin").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        seeds.AddRange(Built().Select(PduFuzzTarget.Encode));
        return seeds;
    }

    private static IEnumerable<Pdu> Built()
    {
        yield return new AAbort { Source = AbortSource.ServiceProvider, Reason = AbortReason.UnexpectedPdu };
        yield return new AAssociateRq
        {
            CalledAeTitle = "ANY-SCP",
            CallingAeTitle = "FUZZ",
            VariableItems =
            [
                new ApplicationContext { Name = "1.2.840.10008.3.1.1.1" },
                new PresentationContextRq { PresentationContextId = 1, SubItems = [new AbstractSyntaxSubItem { Name = "1.2.840.10008.1.1" }, new TransferSyntaxSubItem { Name = "1.2.840.10008.1.2" }] },
                new UserInformation
                {
                    SubItems =
                    [
                        new MaximumLength { MaximumLengthReceived = 16384 },
                        new ImplementationClassUid { ImplementationClassUidValue = "1.2.3.4" },
                        new AsynchronousOperationsWindow { MaximumNumberOperationsInvoked = 3, MaximumNumberOperationsPerformed = 5 },
                        new RoleSelection { SopClassUid = "1.2.840.10008.5.1.4.1.1.2", ScuRole = 1, ScpRole = 1 },
                        new SopClassExtendedNegotiation { SopClassUid = "1.2.840.10008.5.1.4.1.2.1.1", ServiceClassApplicationInformation = new byte[] { 1, 0, 1 } },
                        new SopClassCommonExtendedNegotiation
                        {
                            SopClassUid = "1.2.840.10008.5.1.4.1.1.2",
                            ServiceClassUid = "1.2.840.10008.4.2",
                            RelatedGeneralSopClasses = [new RelatedGeneralSopClass { RelatedGeneralSopClassUid = "1.2.840.10008.5.1.4.1.1.2.1" }],
                        },
                        new UserIdentityRq { UserIdentityType = UserIdentityType.UsernameAndPasscode, PositiveResponseRequested = 1, PrimaryField = "alice"u8.ToArray(), SecondaryField = "secret"u8.ToArray() },
                    ],
                },
            ],
        };
        yield return new AAssociateAc
        {
            CalledAeTitle = "ANY-SCP",
            CallingAeTitle = "FUZZ",
            VariableItems =
            [
                new ApplicationContext { Name = "1.2.840.10008.3.1.1.1" },
                new PresentationContextAc { PresentationContextId = 1, Result = PresentationContextResult.Acceptance, SubItems = [new TransferSyntaxSubItem { Name = "1.2.840.10008.1.2" }] },
                new UserInformation { SubItems = [new MaximumLength { MaximumLengthReceived = 0 }, new UserIdentityAc { ServerResponse = "token"u8.ToArray() }] },
            ],
        };
        yield return new PDataTf
        {
            Values =
            [
                new PresentationDataValue { PresentationContextId = 1, MessageControlHeader = MessageControlHeader.None, Fragment = new ReadOnlySequence<byte>(new byte[64]) },
                new PresentationDataValue { PresentationContextId = 1, MessageControlHeader = MessageControlHeader.LastFragment, Fragment = new ReadOnlySequence<byte>(new byte[32]) },
            ],
        };
    }
}
