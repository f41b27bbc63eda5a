// An SCP hosted by the generic host: configuration from appsettings.json (section "Dicom"; command-line overrides such
// as --Dicom:Port=0 work too), a custom C-STORE handler from dependency injection, logging from the host, and a
// graceful stop on Ctrl+C / SIGTERM.
using DicomSpecGen.Hosting;
using DicomSpecGen.Services.Scp;
using HostedStorageScp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddDicomServer(builder.Configuration.GetSection("Dicom"));
builder.Services.AddDicomStorageHandler<FolderStorageHandler>();

using var host = builder.Build();
await host.StartAsync();
var server = host.Services.GetRequiredService<DicomHostedServer>();
Console.WriteLine($"{builder.Configuration["Dicom:AeTitle"]} listening on port {server.Port}");
await host.WaitForShutdownAsync();
Console.WriteLine("stopped");
