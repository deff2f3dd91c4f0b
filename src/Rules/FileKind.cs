using System.Runtime.InteropServices;

namespace Decisioning.Rules;

/// <summary>
/// What a directory entry is, without opening it (opening a FIFO blocks until someone writes to it): <c>lstat</c> on
/// Linux, the file attributes elsewhere (where FIFOs, sockets and devices do not appear in a folder).
/// </summary>
internal static class FileKind
{
    public enum Kind { Missing, Regular, Directory, Link, Fifo, Socket, CharacterDevice, BlockDevice, Other }

    /// <summary>The kind of the entry itself (a link is <see cref="Kind.Link"/>, not what it points to).</summary>
    public static Kind Of(string path)
    {
        if (OperatingSystem.IsLinux() && ModeOffset() is { } offset)
        {
            var buffer = new byte[256];
            if (lstat(path, buffer) != 0)
            {
                return Kind.Missing;
            }
            return (BitConverter.ToUInt32(buffer, offset) & 0xF000) switch
            {
                0x8000 => Kind.Regular,
                0x4000 => Kind.Directory,
                0xA000 => Kind.Link,
                0x1000 => Kind.Fifo,
                0xC000 => Kind.Socket,
                0x2000 => Kind.CharacterDevice,
                0x6000 => Kind.BlockDevice,
                _ => Kind.Other,
            };
        }
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path))
        {
            return Kind.Missing;
        }
        return info.Attributes.HasFlag(FileAttributes.ReparsePoint) ? Kind.Link
            : info.Attributes.HasFlag(FileAttributes.Directory) ? Kind.Directory
            : Kind.Regular;
    }

    /// <summary>The path with every link resolved (<c>realpath</c>), or null when it does not exist.</summary>
    public static string? RealPath(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            var full = Path.GetFullPath(path);
            var target = File.ResolveLinkTarget(full, returnFinalTarget: true) ?? Directory.ResolveLinkTarget(full, returnFinalTarget: true);
            return target?.FullName ?? full;
        }
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            free(resolved);
        }
    }

    /// <summary>Where <c>st_mode</c> sits in Linux's <c>struct stat</c> (x86-64: after dev, ino, nlink; the generic layout: after dev, ino).</summary>
    private static int? ModeOffset() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 24,
        Architecture.Arm64 or Architecture.RiscV64 or Architecture.LoongArch64 => 16,
        _ => null,
    };

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this project; these three calls marshal plain values.
    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int lstat(string path, [Out] byte[] buffer);

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr realpath(string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);
#pragma warning restore SYSLIB1054
}
