using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Decisioning.Letters.Bench.LetterBenchmarks).Assembly).Run(args);
