using System.Runtime.CompilerServices;
using System.Runtime.Serialization;
using System.Text;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Persistence;

/// <summary>Reads what <see cref="JournalBinaryWriter"/> wrote. Anything out of range (a truncated row, a varint too
/// long, a decimal scale above 28, an unknown enum or account code) throws <see cref="SerializationException"/>.</summary>
internal ref struct JournalBinaryReader(ReadOnlySpan<byte> bytes)
{
    private static readonly UInt128 DecimalMantissaLimit = UInt128.One << 96;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public bool AtEnd => _position == _bytes.Length;

    public byte Byte()
    {
        if (_position >= _bytes.Length) throw Corrupt("the row ends early");
        return _bytes[_position++];
    }

    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        var other => throw Corrupt($"{other} is not a boolean"),
    };

    public UInt128 VarUInt()
    {
        UInt128 value = 0;
        for (var shift = 0; shift < 128; shift += 7)
        {
            var b = Byte();
            value |= (UInt128)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }

        throw Corrupt("a number is longer than 128 bits");
    }

    public long Long()
    {
        var zigzag = VarUInt();
        if (zigzag > ulong.MaxValue) throw Corrupt("a number is longer than 64 bits");
        var raw = (ulong)zigzag;
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public int Count()
    {
        var count = VarUInt();
        return count <= int.MaxValue ? (int)count : throw Corrupt("a count is above 2^31");
    }

    public TimeSpan Time() => TimeSpan.FromTicks(Long());

    public string String()
    {
        var length = Count();
        if (length > _bytes.Length - _position) throw Corrupt("a string runs past the end of the row");
        try
        {
            return StrictUtf8.GetString(_bytes.Slice(_position, length));
        }
        catch (DecoderFallbackException)
        {
            throw Corrupt("a string is not UTF-8");
        }
        finally
        {
            _position += length;
        }
    }

    public decimal Decimal()
    {
        var header = Byte();
        var scale = (byte)(header & 0x7F);
        if (scale > 28) throw Corrupt($"decimal scale {scale} is above 28");
        var mantissa = VarUInt();
        if (mantissa >= DecimalMantissaLimit) throw Corrupt("a decimal's mantissa is longer than 96 bits");
        return new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), (int)(uint)(mantissa >> 64), (header & 0x80) != 0, scale);
    }

    public decimal? NullableDecimal() => Bool() ? Decimal() : null;

    public TEnum Enum<TEnum>() where TEnum : struct, Enum
    {
        int value = Byte();
        var candidate = Unsafe.As<int, TEnum>(ref value);
        return System.Enum.IsDefined(candidate) ? candidate : throw Corrupt($"{value} is not a {typeof(TEnum).Name}");
    }

    public AccountId Account(Symbol symbol) => Byte() switch
    {
        JournalBinaryWriter.LiquidityProvider => AccountId.LiquidityProvider,
        JournalBinaryWriter.NoiseTaker => AccountId.NoiseTaker,
        JournalBinaryWriter.TraderOfSymbol => AccountId.TraderFor(symbol),
        JournalBinaryWriter.OtherAccount => new AccountId(String()),
        var other => throw Corrupt($"{other} is not an account code"),
    };

    private readonly SerializationException Corrupt(string what) =>
        new($"Journal row does not decode at byte {_position} of {_bytes.Length}: {what}");
}
