using System.Buffers;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Runtime.Tests.Pdu;

/// <summary>One populated instance of every generated PDU, item and record, with values that differ from defaults.</summary>
internal static class PduSamples
{
    public const string Verification = "1.2.840.10008.1.1";
    public const string ImplicitLittleEndian = "1.2.840.10008.1.2";
    public const string ExplicitLittleEndian = "1.2.840.10008.1.2.1";
    public const string AppContext = "1.2.840.10008.3.1.1.1";

    public static UserInformation UserInfoRq() => new()
    {
        SubItems =
        [
            new MaximumLength { MaximumLengthReceived = 16384 },
            new ImplementationClassUid { ImplementationClassUidValue = "1.2.826.0.1.3680043.9.7433.1" },
            new AsynchronousOperationsWindow { MaximumNumberOperationsInvoked = 3, MaximumNumberOperationsPerformed = 5 },
            new RoleSelection { SopClassUid = "1.2.840.10008.5.1.4.1.1.2", ScuRole = 1, ScpRole = 1 },
            new ImplementationVersionName { ImplementationVersionNameValue = "DSG_0.1" },
            new SopClassExtendedNegotiation { SopClassUid = "1.2.840.10008.5.1.4.1.2.1.1", ServiceClassApplicationInformation = new byte[] { 1, 0, 1 } },
            new SopClassCommonExtendedNegotiation
            {
                SubItemVersion = 0,
                SopClassUid = "1.2.840.10008.5.1.4.1.1.2",
                ServiceClassUid = "1.2.840.10008.4.2",
                RelatedGeneralSopClasses = [new RelatedGeneralSopClass { RelatedGeneralSopClassUid = "1.2.840.10008.5.1.4.1.1.2.1" }],
            },
            new UserIdentityRq
            {
                UserIdentityType = UserIdentityType.UsernameAndPasscode,
                PositiveResponseRequested = 1,
                PrimaryField = "alice"u8.ToArray(),
                SecondaryField = "secret"u8.ToArray(),
            },
            new UnknownItem { Type = 0x7A, SecondByte = 0x01, Value = new byte[] { 9, 8, 7 } },
        ],
    };

    public static AAssociateRq AssociateRq() => new()
    {
        ProtocolVersion = 1,
        CalledAeTitle = "ANY-SCP",
        CallingAeTitle = "ECHOSCU",
        VariableItems =
        [
            new ApplicationContext { Name = AppContext },
            new PresentationContextRq
            {
                PresentationContextId = 1,
                SubItems = [new AbstractSyntaxSubItem { Name = Verification }, new TransferSyntaxSubItem { Name = ExplicitLittleEndian }, new TransferSyntaxSubItem { Name = ImplicitLittleEndian }],
            },
            new PresentationContextRq
            {
                PresentationContextId = 3,
                SubItems = [new AbstractSyntaxSubItem { Name = "1.2.840.10008.5.1.4.1.1.2" }, new TransferSyntaxSubItem { Name = ImplicitLittleEndian }],
            },
            UserInfoRq(),
        ],
    };

    public static AAssociateAc AssociateAc() => new()
    {
        CalledAeTitle = "ANY-SCP",
        CallingAeTitle = "ECHOSCU",
        VariableItems =
        [
            new ApplicationContext { Name = AppContext },
            new PresentationContextAc { PresentationContextId = 1, Result = PresentationContextResult.Acceptance, SubItems = [new TransferSyntaxSubItem { Name = ExplicitLittleEndian }] },
            new PresentationContextAc { PresentationContextId = 3, Result = PresentationContextResult.AbstractSyntaxNotSupported, SubItems = [new TransferSyntaxSubItem { Name = ImplicitLittleEndian }] },
            new UserInformation
            {
                SubItems =
                [
                    new MaximumLength { MaximumLengthReceived = 0 },
                    new ImplementationClassUid { ImplementationClassUidValue = "1.2.3.4" },
                    new UserIdentityAc { ServerResponse = "token"u8.ToArray() },
                ],
            },
        ],
    };

    public static PDataTf DataTf() => new()
    {
        Values =
        [
            new PresentationDataValue { PresentationContextId = 1, MessageControlHeader = MessageControlHeader.Command | MessageControlHeader.LastFragment, Fragment = new ReadOnlySequence<byte>(new byte[] { 1, 2, 3, 4 }) },
            new PresentationDataValue { PresentationContextId = 1, MessageControlHeader = MessageControlHeader.None, Fragment = new ReadOnlySequence<byte>(new byte[1000]) },
        ],
    };

    /// <summary>Every top-level PDU, one each.</summary>
    public static IEnumerable<Protocol.Pdu> AllPdus() =>
    [
        AssociateRq(),
        AssociateAc(),
        new AAssociateRj { Result = AssociateRejectResult.RejectedTransient, Source = AssociateRejectSource.ServiceProviderPresentation, Reason = AssociateRejectReason.LocalLimitExceeded.ToWire() },
        DataTf(),
        new AReleaseRq(),
        new AReleaseRp(),
        new AAbort { Source = AbortSource.ServiceProvider, Reason = AbortReason.UnexpectedPdu },
    ];

    /// <summary>Every structure reachable from <see cref="AllPdus"/>, by type.</summary>
    public static IEnumerable<Type> ReachableTypes()
    {
        var seen = new HashSet<Type>();
        void Visit(object o)
        {
            seen.Add(o.GetType());
            foreach (var p in o.GetType().GetProperties())
            {
                var v = p.GetValue(o);
                if (v is System.Collections.IEnumerable list and not string)
                {
                    foreach (var e in list) if (e is Protocol.Wire.IPduStructure) Visit(e);
                }
            }
        }
        foreach (var pdu in AllPdus()) Visit(pdu);
        return seen;
    }
}
