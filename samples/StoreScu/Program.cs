// A C-STORE SCU: sends Part 10 files (or every file under a folder) to an SCP, one association, a presentation context
// per SOP class and transfer syntax found in the files' meta information.
// Usage: dotnet run -- HOST PORT CALLED-AE FILE|FOLDER...
using DicomSpecGen.Association;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Services.Scu;

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: StoreScu HOST PORT CALLED-AE FILE|FOLDER...");
    return 4;
}
var files = args[3..].SelectMany(a => Directory.Exists(a) ? Directory.GetFiles(a, "*", SearchOption.AllDirectories) : [a]).Order(StringComparer.Ordinal).ToList();

// Read each file's meta: which SOP class, in which transfer syntax.
var kinds = new HashSet<(string SopClass, string TransferSyntax)>();
foreach (var file in files)
{
    await using var stream = File.OpenRead(file);
    var (meta, _, _) = await DicomFileReader.ReadMetaAsync(stream);
    kinds.Add((meta.MediaStorageSopClassUid, meta.TransferSyntaxUid));
}
var contexts = kinds.Select((k, i) => new PresentationContextProposal((byte)(2 * i + 1), k.SopClass, [k.TransferSyntax])).ToList();

await using var client = await DicomClient.ConnectAsync(new RequestorOptions
{
    Host = args[0],
    Port = int.Parse(args[1]),
    CallingAeTitle = "STORESCU",
    CalledAeTitle = args[2],
    PresentationContexts = contexts,
});
var failed = 0;
foreach (var file in files)
{
    var response = await client.StoreFileAsync(file);
    Console.WriteLine($"{Path.GetFileName(file)}: C-STORE status 0x{response.Status:X4}");
    if (response.Status != 0x0000) failed++;
}
await client.ReleaseAsync();
Console.WriteLine($"stored {files.Count - failed} of {files.Count}");
return failed == 0 ? 0 : 1;
