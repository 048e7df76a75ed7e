// The generator and the analyzer read the knowledge under the runtime's own namespaces; their code says so once, here.
global using Cloexec.Interop;
global using Cloexec.Platform;
