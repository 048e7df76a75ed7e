using System;

namespace BindingStyles.Native
{
    /// <summary>C's mode_t: permission bits, an unsigned int with its own type so that overloads stay apart.</summary>
    public readonly struct mode_t : IEquatable<mode_t>
    {
        private readonly uint _bits;

        private mode_t(uint bits) => _bits = bits;

        public static implicit operator mode_t(uint bits) => new(bits);
        public static implicit operator uint(mode_t mode) => mode._bits;

        public bool Equals(mode_t other) => _bits == other._bits;
        public override bool Equals(object? obj) => obj is mode_t other && Equals(other);
        public override int GetHashCode() => (int)_bits;
        public static bool operator ==(mode_t left, mode_t right) => left.Equals(right);
        public static bool operator !=(mode_t left, mode_t right) => !left.Equals(right);
    }

    /// <summary>C's socklen_t: a 32-bit unsigned length.</summary>
    public readonly struct socklen_t
    {
        private readonly uint _length;

        private socklen_t(uint length) => _length = length;

        public static implicit operator socklen_t(int length) => new((uint)length);
        public static implicit operator uint(socklen_t length) => length._length;
    }

    /// <summary>C's size_t: pointer-sized, unsigned.</summary>
    public readonly struct size_t
    {
        private readonly nuint _value;

        private size_t(nuint value) => _value = value;

        public static implicit operator size_t(int value) => new((nuint)value);
        public static implicit operator nuint(size_t value) => value._value;
    }

    /// <summary>C's ssize_t: pointer-sized, signed; -1 reports an error.</summary>
    public readonly struct ssize_t
    {
        private readonly nint _value;

        private ssize_t(nint value) => _value = value;

        public static implicit operator ssize_t(int value) => new(value);
        public static implicit operator long(ssize_t value) => value._value;
    }

    /// <summary>open(2)'s flags as an enum, as the older bindings declare them.</summary>
    [Flags]
    public enum OpenFlags
    {
        O_RDONLY = 0,
        O_WRONLY = 1,
        O_RDWR = 2,
        O_CREAT = 0x40,
        O_NOCTTY = 0x100,
        O_TRUNC = 0x200,
        O_DIRECTORY = 0x10000,
    }
}
