using System.CommandLine;
using System.Text;
using DicomSpecGen.Association;
using DicomSpecGen.Association.Identity;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Cli;

/// <summary>SCU user identity negotiation flags (PS3.7 D.3.3.7), named as DCMTK 3.6.7 storescu names them.</summary>
public sealed class UserIdentityArguments
{
    public Option<string?> User { get; } = new("--user", "-usr") { Description = "authenticate with user name u (User-Identity-Type 1, or 2 with --password)" };
    public Option<string?> Password { get; } = new("--password", "-pwd") { Description = "with --user: the passcode (User-Identity-Type 2)" };
    public Option<string?> Kerberos { get; } = new("--kerberos", "-kt") { Description = "send the Kerberos service ticket read from file f (User-Identity-Type 3)" };
    public Option<string?> Saml { get; } = new("--saml") { Description = "send the SAML assertion read from file f (User-Identity-Type 4)" };
    public Option<string?> Jwt { get; } = new("--jwt") { Description = "send the JSON Web Token read from file f (User-Identity-Type 5)" };
    public Option<bool> PositiveResponse { get; } = new("--pos-response", "-rsp") { Description = "ask the SCP for a positive response (User Identity AC, PS3.7 D.3.3.7.2); a warning is printed when none comes" };

    private Option[] All => [User, Password, Kerberos, Saml, Jwt, PositiveResponse];

    public void AddTo(Command command)
    {
        foreach (var o in All) command.Options.Add(o);
    }

    /// <summary>The identity to send, or null; throws <see cref="CliInputException"/> for conflicting flags or an
    /// unreadable file. Null for a verb these options were not added to.</summary>
    public UserIdentityOptions? Build(ParseResult result)
    {
        if (!result.CommandResult.Command.Options.Contains(User)) return null;
        var user = result.GetValue(User);
        var password = result.GetValue(Password);
        var rsp = result.GetValue(PositiveResponse);
        var files = new (Option<string?> Option, UserIdentityType Type)[] { (Kerberos, UserIdentityType.KerberosServiceTicket), (Saml, UserIdentityType.SamlAssertion), (Jwt, UserIdentityType.JsonWebToken) }
            .Where(f => result.GetValue(f.Option) != null).ToList();
        if (files.Count + (user != null ? 1 : 0) > 1)
            throw new CliInputException("give one user identity: --user, --kerberos, --saml or --jwt (PS3.7 D.3.3.7.1 allows one User Identity sub-item)");
        if (password != null && user == null) throw new CliInputException("--password needs --user");
        if (user != null)
            return new UserIdentityOptions(password != null ? UserIdentityType.UsernameAndPasscode : UserIdentityType.Username, user, password, rsp);
        if (files.Count == 0)
        {
            if (rsp) throw new CliInputException("--pos-response needs a user identity (--user, --kerberos, --saml or --jwt)");
            return null;
        }
        var (option, type) = files[0];
        var path = result.GetValue(option)!;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{option.Name}: cannot read {path}: {e.Message}", e);
        }
        // A token file usually ends with a line break; the token itself never does (a Kerberos ticket is binary: as is).
        if (type != UserIdentityType.KerberosServiceTicket) bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).TrimEnd('\r', '\n'));
        if (bytes.Length == 0) throw new CliInputException($"{option.Name}: {path} is empty");
        // Primary-field-length is two bytes (PS3.7 Table D.3-14, bytes 7-8).
        if (bytes.Length > ushort.MaxValue) throw new CliInputException($"{option.Name}: {path} has {bytes.Length} bytes; the Primary-field holds at most {ushort.MaxValue} (PS3.7 Table D.3-14, Primary-field-length)");
        return UserIdentityOptions.FromBytes(type, bytes, rsp);
    }
}

/// <summary>SCP user identity validation flags: the built-in JWT validator's key, audience and issuer. With any of
/// them, identities are required and every type without a validator (Kerberos, SAML, user names) is rejected.</summary>
public sealed class IdentityValidationArguments
{
    public Option<string?> JwtKey { get; } = new("--jwt-key") { Description = "check JWT user identities (PS3.7 D.3.3.7) with the RS256/ES256 public key or certificate in PEM file f; other identity types are rejected" };
    public Option<string?> JwtSecretFile { get; } = new("--jwt-secret-file") { Description = "check JWT user identities with the HS256 shared secret in file f (at least 32 bytes; a final line break is dropped)" };
    public Option<string?> JwtAudience { get; } = new("--jwt-audience") { Description = "with --jwt-key/--jwt-secret-file: the audience (\"aud\") tokens must name" };
    public Option<string?> JwtIssuer { get; } = new("--jwt-issuer") { Description = "with --jwt-key/--jwt-secret-file: the issuer (\"iss\") tokens must name" };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { JwtKey, JwtSecretFile, JwtAudience, JwtIssuer }) command.Options.Add(o);
    }

    /// <summary>The validation options, or null when no flag asks for validation (identities are then not checked, as
    /// by an acceptor that "does not support user identification", PS3.7 D.3.3.7). Throws <see cref="CliInputException"/>.</summary>
    public UserIdentityValidationOptions? Build(ParseResult result)
    {
        if (!result.CommandResult.Command.Options.Contains(JwtKey)) return null;
        var key = result.GetValue(JwtKey);
        var secret = result.GetValue(JwtSecretFile);
        var audience = result.GetValue(JwtAudience);
        var issuer = result.GetValue(JwtIssuer);
        if (key == null && secret == null)
        {
            if (audience != null || issuer != null) throw new CliInputException("--jwt-audience and --jwt-issuer need --jwt-key or --jwt-secret-file");
            return null;
        }
        if (key != null && secret != null) throw new CliInputException("give one JWT key: --jwt-key (RS256/ES256) or --jwt-secret-file (HS256)");
        if (string.IsNullOrWhiteSpace(audience)) throw new CliInputException("JWT validation needs --jwt-audience (the \"aud\" claim tokens must carry, RFC 7519 4.1.3)");
        try
        {
            var jwt = new JwtValidationOptions
            {
                Audience = audience,
                Issuer = issuer,
                PublicKeyPem = key != null ? File.ReadAllText(key) : null,
                SharedSecret = secret != null ? WithoutFinalLineBreak(File.ReadAllBytes(secret)) : (ReadOnlyMemory<byte>?)null,
            };
            return new UserIdentityValidationOptions().WithJwt(jwt);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CliInputException($"{(key != null ? "--jwt-key " + key : "--jwt-secret-file " + secret)}: {e.Message}", e);
        }
    }

    private static byte[] WithoutFinalLineBreak(byte[] bytes)
    {
        var end = bytes.Length;
        while (end > 0 && bytes[end - 1] is (byte)'\n' or (byte)'\r') end--;
        return bytes[..end];
    }
}
