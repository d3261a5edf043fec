using Lessons.Runtime;
var device = TorchRuntime.EnsureReady();
foreach (var l in TorchRuntime.Log) Console.WriteLine(l);
using var t = TorchSharp.torch.ones(2, 3).sum();
Console.WriteLine($"{device.type} {t.item<float>()}");
