using System.Text;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Association.Identity;

/// <summary>Checks the user identity an association requestor sent (PS3.7 D.3.3.7). Registered per
/// <see cref="UserIdentityType"/> in <see cref="UserIdentityValidationOptions.Validators"/>.</summary>
/// <remarks>PS3.7 D.3.3.7.3: "This Standard does not define how the association acceptor performs authentication".</remarks>
public interface IUserIdentityValidator
{
    ValueTask<UserIdentityValidationResult> ValidateAsync(UserIdentityRequest request, CancellationToken cancellationToken);
}

/// <summary>The User Identity sub-item of an A-ASSOCIATE-RQ as received, with who sent it.</summary>
/// <param name="Type">User-Identity-Type (PS3.7 Table D.3-14).</param>
/// <param name="PrimaryField">The username, Kerberos service ticket, SAML assertion or JWT, as sent.</param>
/// <param name="SecondaryField">The passcode (type 2 only); empty otherwise.</param>
/// <param name="PositiveResponseRequested">Positive-response-requested = 1: the A-ASSOCIATE-AC carries a User
/// Identity sub-item with the server response (PS3.7 D.3.3.7.2).</param>
/// <param name="CallingAeTitle">The requestor's AE title.</param>
/// <param name="CalledAeTitle">The AE title it called.</param>
/// <param name="RemoteAddress">The requestor's address, when known.</param>
/// <remarks>PS3.7 Table D.3-14</remarks>
public sealed record UserIdentityRequest(
    UserIdentityType Type,
    ReadOnlyMemory<byte> PrimaryField,
    ReadOnlyMemory<byte> SecondaryField,
    bool PositiveResponseRequested,
    string CallingAeTitle,
    string CalledAeTitle,
    string? RemoteAddress)
{
    /// <summary>The primary field as UTF-8 text (username, JWT, SAML); not meaningful for a Kerberos ticket.</summary>
    public string PrimaryText => Encoding.UTF8.GetString(PrimaryField.Span);

    /// <summary>The secondary field (passcode) as UTF-8 text.</summary>
    public string SecondaryText => Encoding.UTF8.GetString(SecondaryField.Span);

    public static UserIdentityRequest From(UserIdentityRq item, AssociateRequestInfo request)
        => new(item.UserIdentityType, item.PrimaryField, item.SecondaryField, item.PositiveResponseRequested != 0,
            request.CallingAeTitle, request.CalledAeTitle, request.RemoteAddress);
}

/// <summary>A validator's answer: accepted (with the user's name for logs and audit, and the server response sent
/// when a positive response was requested) or rejected with a reason for the log (never sent to the peer).</summary>
public sealed record UserIdentityValidationResult
{
    public bool Accepted { get; private init; }

    /// <summary>Who the identity names (user name, JWT subject, SAML NameID…), for logs and audit; never the secret.</summary>
    public string? User { get; private init; }

    /// <summary>Why it was refused, for the log and the explanation.</summary>
    public string? Reason { get; private init; }

    /// <summary>The Server-response of the User Identity AC sub-item (PS3.7 Table D.3-15): the Kerberos server ticket
    /// (type 3), the SAML response (type 4), empty for types 1 and 2; the standard names none for a JWT (type 5).</summary>
    public ReadOnlyMemory<byte> ServerResponse { get; private init; }

    public static UserIdentityValidationResult Accept(string? user, ReadOnlyMemory<byte> serverResponse = default)
        => new() { Accepted = true, User = user, ServerResponse = serverResponse };

    public static UserIdentityValidationResult Reject(string reason, string? user = null)
        => new() { Accepted = false, Reason = reason, User = user };
}

/// <summary>The outcome of the user identity check of one A-ASSOCIATE-RQ: what the acceptor decided and why. The
/// hook for audit (PS3.15 A.5 User Authentication) and authorization: <see cref="AssociationDecision.UserIdentity"/>,
/// <see cref="DicomAssociation.UserIdentity"/> and <see cref="UserIdentityValidationOptions.Checked"/>.</summary>
/// <param name="Type">User-Identity-Type, or null when the request carried no User Identity sub-item.</param>
/// <param name="Accepted">Whether the identity was accepted.</param>
/// <param name="User">Who it names, when known (never a passcode or token).</param>
/// <param name="Reason">Why it was accepted or refused.</param>
/// <param name="CallingAeTitle">The requestor's AE title.</param>
/// <param name="RemoteAddress">The requestor's address, when known.</param>
public sealed record UserIdentityCheck(
    UserIdentityType? Type,
    bool Accepted,
    string? User,
    string Reason,
    string CallingAeTitle,
    string? RemoteAddress);
