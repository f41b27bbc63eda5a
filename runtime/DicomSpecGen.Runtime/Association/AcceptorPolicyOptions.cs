namespace DicomSpecGen.Association;

/// <summary>Configuration of <see cref="DefaultAssociationPolicy"/>.</summary>
public sealed record AcceptorPolicyOptions
{
    /// <summary>Our AE title; with <see cref="RequireCalledAeTitle"/> a request calling another one is rejected
    /// (called-AE-title-not-recognized). Null accepts any called AE title.</summary>
    public string? AeTitle { get; init; }

    /// <summary>Whether the called AE title must be <see cref="AeTitle"/> (the called-AE-title check). False accepts a
    /// request whatever AE title it calls, as DCMTK's storescp does unless told otherwise.</summary>
    public bool RequireCalledAeTitle { get; init; } = true;

    /// <summary>Calling AE titles allowed to associate; null allows any (calling-AE-title-not-recognized otherwise).</summary>
    public IReadOnlySet<string>? AllowedCallingAeTitles { get; init; }

    /// <summary>Abstract syntaxes we accept, each with the transfer syntaxes we accept for it in our order of
    /// preference (the first one the requestor also proposed wins). <c>Services.ServiceRegistry.PolicyOptions()</c>
    /// fills it from the registered services.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> AbstractSyntaxes { get; init; }

    /// <summary>SOP classes for which we accept the requestor acting as SCP (e.g. storage classes, so a C-GET
    /// requestor can receive its C-STORE sub-operations).</summary>
    public IReadOnlySet<string> RequestorScpRoleAllowed { get; init; } = new HashSet<string>();

    /// <summary>For the explanation: which service serves each abstract syntax (e.g. "VerificationService (C-ECHO)").</summary>
    public IReadOnlyDictionary<string, string>? ServedBy { get; init; }

    /// <summary>Checks a requestor's user identity (PS3.7 D.3.3.7); null ignores identities. A refused identity
    /// rejects the association (rejected-permanent, source ACSE service-provider, PS3.7 D.3.3.7.3). Superseded by
    /// <see cref="UserIdentity"/> when that is set.</summary>
    public Func<UserIdentityOptions, bool>? AuthenticateUser { get; init; }

    /// <summary>User identity validation with one validator per User-Identity-Type (JWT built in, Kerberos and SAML
    /// pluggable); null leaves identities to <see cref="AuthenticateUser"/> or unchecked.</summary>
    public Identity.UserIdentityValidationOptions? UserIdentity { get; init; }
}
