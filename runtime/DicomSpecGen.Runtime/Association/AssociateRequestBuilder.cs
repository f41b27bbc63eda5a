using System.Text;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Association;

/// <summary>Builds the A-ASSOCIATE-RQ PDU from the requestor's options.</summary>
/// <remarks>PS3.8 9.3.2; PS3.7 Annex D.3.3 (user information sub-items)</remarks>
internal static class AssociateRequestBuilder
{
    public static AAssociateRq Build(RequestorOptions options)
    {
        var items = new List<PduItem> { new ApplicationContext { Name = AssociateRequestInfo.DicomApplicationContext } };
        var ids = new HashSet<byte>();
        foreach (var pc in options.PresentationContexts)
        {
            // PS3.8 9.3.2.2: presentation context IDs are odd integers 1-255, unique within the association.
            if (pc.Id % 2 == 0 || !ids.Add(pc.Id))
                throw new ArgumentException($"presentation context ID {pc.Id} must be odd and unique (PS3.8 9.3.2.2)");
            if (pc.TransferSyntaxes.Count == 0)
                throw new ArgumentException($"presentation context #{pc.Id} proposes no transfer syntax (PS3.8 9.3.2.2)");
            var subItems = new List<PduItem> { new AbstractSyntaxSubItem { Name = pc.AbstractSyntax } };
            subItems.AddRange(pc.TransferSyntaxes.Select(ts => (PduItem)new TransferSyntaxSubItem { Name = ts }));
            items.Add(new PresentationContextRq { PresentationContextId = pc.Id, SubItems = subItems });
        }
        items.Add(new UserInformation { SubItems = UserInformationItems(options) });
        return new AAssociateRq { CalledAeTitle = options.CalledAeTitle, CallingAeTitle = options.CallingAeTitle, VariableItems = items };
    }

    private static List<PduItem> UserInformationItems(RequestorOptions options)
    {
        var sub = new List<PduItem>
        {
            new MaximumLength { MaximumLengthReceived = (uint)options.Transport.MaxPDataPduLength },
            new ImplementationClassUid { ImplementationClassUidValue = options.ImplementationClassUid },
        };
        if (options.AsyncOperationLimits is { } w)
            sub.Add(new AsynchronousOperationsWindow { MaximumNumberOperationsInvoked = w.Invoked, MaximumNumberOperationsPerformed = w.Performed });
        // One role selection per SOP class (PS3.7 D.3.3.4); the first context that sets roles decides.
        var seen = new HashSet<string>();
        foreach (var pc in options.PresentationContexts)
        {
            if (pc.ScuRole == null && pc.ScpRole == null) continue;
            if (!seen.Add(pc.AbstractSyntax)) continue;
            sub.Add(new RoleSelection { SopClassUid = pc.AbstractSyntax, ScuRole = (byte)(pc.ScuRole ?? true ? 1 : 0), ScpRole = (byte)(pc.ScpRole ?? false ? 1 : 0) });
        }
        if (options.ImplementationVersionName is { Length: > 0 } version)
            sub.Add(new ImplementationVersionName { ImplementationVersionNameValue = version });
        foreach (var en in options.ExtendedNegotiation)
            sub.Add(new SopClassExtendedNegotiation { SopClassUid = en.SopClassUid, ServiceClassApplicationInformation = en.ServiceClassApplicationInformation });
        if (options.UserIdentity is { } id)
        {
            sub.Add(new UserIdentityRq
            {
                UserIdentityType = id.Type,
                PositiveResponseRequested = (byte)(id.PositiveResponseRequested ? 1 : 0),
                PrimaryField = id.PrimaryBytes ?? Encoding.UTF8.GetBytes(id.Primary),
                SecondaryField = id.Secondary == null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(id.Secondary),
            });
        }
        return sub;
    }
}
