using DicomSpecGen.Protocol;

namespace DicomSpecGen.Association.Identity;

/// <summary>How an acceptor checks user identities (PS3.7 D.3.3.7): one validator per User-Identity-Type. Set on
/// <see cref="AcceptorPolicyOptions.UserIdentity"/>; null there leaves identities unchecked (the acceptor "does not
/// support user identification", PS3.7 D.3.3.7, and sends no User Identity AC).</summary>
public sealed record UserIdentityValidationOptions
{
    /// <summary>The validator of each User-Identity-Type. An identity of a type without one is rejected (the log names
    /// the type and that no validator is configured for it): nothing is accepted unchecked.</summary>
    public IReadOnlyDictionary<UserIdentityType, IUserIdentityValidator> Validators { get; init; } = new Dictionary<UserIdentityType, IUserIdentityValidator>();

    /// <summary>Whether a request without a User Identity sub-item is rejected. True by default: once identities are
    /// checked, leaving the item out must not get round the check.</summary>
    public bool RequireIdentity { get; init; } = true;

    /// <summary>How long a validator may take before the identity is rejected.</summary>
    public TimeSpan ValidationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Called with every check's outcome, accepted or not (e.g. for an audit trail's User Authentication
    /// messages). Runs on the acceptor's task; keep it short.</summary>
    public Action<UserIdentityCheck>? Checked { get; init; }

    /// <summary>These options with <paramref name="validator"/> for <paramref name="type"/> (replacing any other).</summary>
    public UserIdentityValidationOptions With(UserIdentityType type, IUserIdentityValidator validator)
        => this with { Validators = new Dictionary<UserIdentityType, IUserIdentityValidator>(Validators) { [type] = validator } };

    /// <summary>These options with the built-in JWT validator for User-Identity-Type 5.</summary>
    public UserIdentityValidationOptions WithJwt(JwtValidationOptions jwt) => With(UserIdentityType.JsonWebToken, new JwtUserIdentityValidator(jwt));
}
