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
        CheckAeTitle(options.CalledAeTitle, "called");
        CheckAeTitle(options.CallingAeTitle, "calling");
        var rq = new AAssociateRq { CalledAeTitle = options.CalledAeTitle, CallingAeTitle = options.CallingAeTitle, VariableItems = items };
        // Encoded once here, before any connection: a value the encoder refuses fails now, naming its field, instead of
        // in the DUL's send after connecting (where the peer was left to time out).
        rq.Write(new System.Buffers.ArrayBufferWriter<byte>(rq.GetEncodedLength()));
        return rq;
    }

    /// <summary>Our AE titles are checked before they are sent (the encoder would turn a character outside the repertoire
    /// into '?'); those of an A-ASSOCIATE-AC only echo the request's, which were checked when read.</summary>
    private static void CheckAeTitle(string value, string which)
    {
        if (AeTitles.Problem(value) is { } problem)
            throw new ArgumentException($"the {which} AE title \"{value}\" {problem}");
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
