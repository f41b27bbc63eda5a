using System.Text;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Association;

/// <summary>An A-ASSOCIATE-RQ as the acceptor's policy sees it: AE titles, application context, the proposed
/// presentation contexts (with roles from the role selection sub-items) and the user information.</summary>
/// <remarks>PS3.8 9.3.2; PS3.7 Annex D.3</remarks>
public sealed record AssociateRequestInfo(
    string CalledAeTitle,
    string CallingAeTitle,
    string ApplicationContextName,
    IReadOnlyList<PresentationContextProposal> Contexts,
    uint MaximumLength,
    string? ImplementationClassUid,
    string? ImplementationVersionName,
    AsyncOperationLimits? AsyncOperationLimits,
    UserIdentityOptions? UserIdentity,
    IReadOnlyList<ExtendedNegotiation> ExtendedNegotiation,
    string? RemoteAddress)
{
    /// <summary>The DICOM Application Context Name (PS3.7 A.2.1): the generated UID of spec/part06/uids.yaml.</summary>
    /// <remarks>PS3.7 A.2.1; PS3.6 Annex A</remarks>
    public const string DicomApplicationContext = Registry.DicomUids.DICOMApplicationContext;

    /// <summary>The User Identity sub-item as received (PS3.7 Table D.3-14), its fields as bytes: a Kerberos ticket is
    /// not text. <see cref="UserIdentity"/> is the same item read as UTF-8.</summary>
    public UserIdentityRq? UserIdentityItem { get; init; }

    public static AssociateRequestInfo From(AAssociateRq rq, string? remoteAddress = null)
    {
        var appContext = "";
        var contexts = new List<(byte Id, string Abstract, List<string> Ts)>();
        var roles = new Dictionary<string, RoleSelection>();
        uint maxLength = 0;
        string? implClass = null, implVersion = null;
        AsyncOperationLimits? window = null;
        UserIdentityOptions? identity = null;
        UserIdentityRq? identityItem = null;
        var extended = new List<ExtendedNegotiation>();
        foreach (var item in rq.VariableItems)
        {
            switch (item)
            {
                case ApplicationContext ac:
                    appContext = ac.Name;
                    break;
                case PresentationContextRq pc:
                    var abstractSyntax = pc.SubItems.OfType<AbstractSyntaxSubItem>().FirstOrDefault()?.Name ?? "";
                    contexts.Add((pc.PresentationContextId, abstractSyntax, pc.SubItems.OfType<TransferSyntaxSubItem>().Select(t => t.Name).ToList()));
                    break;
                case UserInformation ui:
                    foreach (var sub in ui.SubItems)
                    {
                        switch (sub)
                        {
                            case MaximumLength ml: maxLength = ml.MaximumLengthReceived; break;
                            case ImplementationClassUid ic: implClass = ic.ImplementationClassUidValue; break;
                            case ImplementationVersionName iv: implVersion = iv.ImplementationVersionNameValue; break;
                            case AsynchronousOperationsWindow aw: window = new(aw.MaximumNumberOperationsInvoked, aw.MaximumNumberOperationsPerformed); break;
                            case RoleSelection rs: roles[rs.SopClassUid] = rs; break;
                            case SopClassExtendedNegotiation en: extended.Add(new(en.SopClassUid, en.ServiceClassApplicationInformation)); break;
                            case UserIdentityRq uid:
                                identityItem = uid;
                                identity = new(uid.UserIdentityType, Encoding.UTF8.GetString(uid.PrimaryField.Span),
                                    uid.SecondaryField.Length > 0 ? Encoding.UTF8.GetString(uid.SecondaryField.Span) : null, uid.PositiveResponseRequested != 0);
                                break;
                        }
                    }
                    break;
            }
        }
        var proposals = contexts.Select(c =>
        {
            roles.TryGetValue(c.Abstract, out var role);
            return new PresentationContextProposal(c.Id, c.Abstract, c.Ts, role == null ? null : role.ScuRole != 0, role == null ? null : role.ScpRole != 0);
        }).ToList();
        return new AssociateRequestInfo(rq.CalledAeTitle.Trim(), rq.CallingAeTitle.Trim(), appContext, proposals, maxLength, implClass, implVersion, window, identity, extended, remoteAddress)
        {
            UserIdentityItem = identityItem,
        };
    }
}
