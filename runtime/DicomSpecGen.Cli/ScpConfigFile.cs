using System.CommandLine;
using DicomSpecGen.Association;
using DicomSpecGen.Hosting;
using DicomSpecGen.Services.Scu;
using Microsoft.Extensions.Configuration;

namespace DicomSpecGen.Cli;

/// <summary>dsg scp --config FILE: the JSON file a hosted SCP reads (section "Dicom", <see cref="DicomServerOptions"/>),
/// validated the same way. A flag given on the command line wins over the file; transport settings (TLS, PDU
/// limits, timeouts) come from the file only.</summary>
public sealed class ScpConfigFile
{
    private ScpConfigFile(DicomServerOptions options) => Options = options;

    public DicomServerOptions Options { get; }

    public static Option<string?> CreateOption() => new("--config")
    {
        Description = "JSON configuration file (section \"Dicom\", as for AddDicomServer: AeTitle, Port, BindAddress, AllowedCallingAeTitles, KnownAes, Services, Tls, Limits, Timeouts); flags given too win",
    };

    /// <summary>Reads and validates the file, or null without --config. Throws <see cref="CliInputException"/> listing
    /// every problem.</summary>
    public static ScpConfigFile? Load(string? path)
    {
        if (path == null) return null;
        if (!File.Exists(path)) throw new CliInputException($"--config: file not found: {path}");
        var options = new DicomServerOptions();
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false).Build();
            var section = configuration.GetSection(DicomServerOptions.SectionName);
            if (!section.Exists()) throw new CliInputException($"--config {path}: no \"{DicomServerOptions.SectionName}\" section");
            section.Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException)
        {
            throw new CliInputException($"--config {path}: {e.Message}", e);
        }
        var errors = DicomServerOptionsValidator.Errors(options).ToList();
        var services = options.Services;
        if (!services.Verification || services.Storage == false || services.QueryRetrieve == false)
            errors.Add($"{DicomServerOptions.SectionName}:Services: dsg scp always serves Verification, Storage and QueryRetrieve over its archive (false is for hosted servers)");
        if (errors.Count > 0) throw new CliInputException($"--config {path}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors));
        return new ScpConfigFile(options);
    }

    /// <summary>The flag's value when given on the command line, else the file's.</summary>
    public static T Pick<T>(ScpConfigFile? file, ParseResult result, Option<T> flag, Func<DicomServerOptions, T> fromFile)
        => FromFile(file, result, flag) ? fromFile(file!.Options) : result.GetValue(flag)!;

    /// <summary>Whether <see cref="Pick"/> takes the file's value: a file is given and the flag is not.</summary>
    public static bool FromFile(ScpConfigFile? file, ParseResult result, Option flag)
        => file != null && result.GetResult(flag) is not { Implicit: false };

    /// <summary>The port argument, else the file's port; without either, <see cref="CliInputException"/>.</summary>
    public static int Port(ScpConfigFile? file, ParseResult result, Argument<int> port)
        => result.GetResult(port) is { Tokens.Count: > 0 } ? result.GetValue(port)
            : file?.Options.Port ?? throw new CliInputException("give the port to listen on (or --config FILE with Dicom:Port)");

    /// <summary>The file's known AEs, overridden per AE title by the -md flags.</summary>
    public Dictionary<string, KnownAe> Destinations(Dictionary<string, KnownAe> flags)
    {
        var map = DicomServerComposition.KnownAes(Options);
        foreach (var (ae, known) in flags) map[ae] = known;
        return map;
    }

    /// <summary>The acceptor with the file's transport (TLS, limits, timeouts) and ARTIM timeout; --pcap still applies.
    /// The transport flags given with --config are an error: they belong in the file.</summary>
    public AcceptorOptions Apply(AcceptorOptions acceptor, CommonOptions common, ParseResult result)
    {
        var given = new Option[] { common.MaxPdu, common.MaxPduCap, common.Timeout, common.Tls.Enable, common.Tls.Cert, common.Tls.Key, common.Tls.Ca, common.Tls.RequirePeerCert, common.Tls.Profile }
            .Where(o => result.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
        if (given.Count > 0)
            throw new CliInputException($"{string.Join(", ", given)}: with --config, set TLS, limits and timeouts in the file (Dicom:Tls, Dicom:Limits, Dicom:Timeouts)");
        try
        {
            return acceptor with
            {
                Transport = DicomServerComposition.Transport(Options, acceptor: true) with { Capture = acceptor.Transport.Capture },
                ArtimTimeout = Options.Timeouts.Artim,
                Engine = Pick(this, result, common.Engine, DicomServerComposition.Engine),
            };
        }
        catch (InvalidOperationException e)
        {
            throw new CliInputException("--config: " + e.Message, e);
        }
    }
}
