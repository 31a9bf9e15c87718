import { PoolConfig, poolConfigFromRequest } from '../pools/pool-config';
import {
  CsvPosition,
  csvHeaderFor,
  csvRecords,
  ImportFileError,
  importedUser,
  ImportRow,
  scanImportFile,
} from './import-file';

function pool(extra: Parameters<typeof poolConfigFromRequest>[0] = { PoolName: 'p' }): PoolConfig {
  return poolConfigFromRequest({ AutoVerifiedAttributes: ['email'], ...extra }, 'arn');
}

/** The bytes in chunks of `size`, as the parts of an upload arrive. */
async function* chunked(bytes: Buffer, size: number, from = 0): AsyncGenerator<Buffer> {
  for (let at = from; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function rowsFrom(
  bytes: Buffer,
  from: CsvPosition,
  size = 7,
): Promise<(ImportRow & { next: CsvPosition })[]> {
  const rows = [];
  for await (const r of csvRecords(chunked(bytes, size, from.byte), from)) rows.push(r);
  return rows;
}

/** The file scanned, then its rows read from where the scan says they start. */
async function file(text: string, config = pool()) {
  const bytes = Buffer.from(text);
  const scan = await scanImportFile(chunked(bytes, 5), config);
  return { header: scan.header, rows: await rowsFrom(bytes, scan.rowsFrom) };
}

async function rowOutcome(text: string, config = pool()): Promise<string | Record<string, unknown>> {
  const f = await file(text, config);
  try {
    return { ...importedUser(f, f.rows[0], config) };
  } catch (err) {
    return (err as Error).message;
  }
}

const HEAD = 'cognito:username,email,email_verified,phone_number,phone_number_verified,cognito:mfa_enabled';

describe('GetCSVHeader', () => {
  it("lists the pool's attributes in Cognito's order, without sub, then the two cognito: columns", () => {
    expect(csvHeaderFor(pool())).toEqual([
      'name',
      'given_name',
      'family_name',
      'middle_name',
      'nickname',
      'preferred_username',
      'profile',
      'picture',
      'website',
      'email',
      'email_verified',
      'gender',
      'birthdate',
      'zoneinfo',
      'locale',
      'phone_number',
      'phone_number_verified',
      'address',
      'updated_at',
      'cognito:mfa_enabled',
      'cognito:username',
    ]);
  });

  it('adds custom attributes before the cognito: columns', () => {
    const header = csvHeaderFor(
      pool({ PoolName: 'p', Schema: [{ Name: 'tier', AttributeDataType: 'String', Mutable: true }] }),
    );
    expect(header.slice(-3)).toEqual(['custom:tier', 'cognito:mfa_enabled', 'cognito:username']);
  });
});

describe('the CSV file', () => {
  it('reads quoted values with commas, quotes and line breaks, and numbers rows by line', async () => {
    const f = await file(
      `\uFEFF${HEAD},address\nann,ann@x.example,true,,,false,"1 Main St, ""B""\nTown"\nbob,bob@x.example,TRUE,,,FALSE,\n`,
    );
    expect(f.header.at(-1)).toBe('address');
    expect(f.rows.map((r) => r.line)).toEqual([3, 4]);
    expect(f.rows[0].fields.at(-1)).toBe('1 Main St, "B"\nTown');
  });

  it('fails the whole file for an unknown, repeated or missing required column, or no rows at all', async () => {
    const refusal = async (text: string, config = pool()) => {
      try {
        await file(text, config);
        return undefined;
      } catch (err) {
        expect(err).toBeInstanceOf(ImportFileError);
        return (err as Error).message;
      }
    };
    expect(await refusal(`${HEAD},password\n`)).toBe('Unknown column in the CSV header: password');
    expect(await refusal(`${HEAD},email\n`)).toBe('Column email appears twice in the CSV header.');
    expect(await refusal('cognito:username,email,email_verified\n')).toBe(
      'Required column missing in the CSV header: cognito:mfa_enabled',
    );
    expect(await refusal('cognito:username,cognito:mfa_enabled,phone_number\n')).toBe(
      'Required column missing in the CSV header: email',
    );
    expect(await refusal('')).toBe('The CSV file is empty.');
    expect(await refusal('a,"b\n')).toMatch(/^The CSV file could not be read/);
  });
});

describe('reading the file as a stream', () => {
  const text =
    `\uFEFF${HEAD}\r\nann,ann@x.example,true,,,false\r\n\r\n"bo\nb",b@x.example,true,,,"fa""lse"\n` +
    `cy,c@x.example,true,,,false\rdi,d@x.example,true,,,false`;

  it('resumes after any record with the rows a single pass reads, whatever the chunk size', async () => {
    const bytes = Buffer.from(text);
    const whole = await rowsFrom(bytes, { byte: 0, line: 0 }, bytes.length);
    expect(whole.map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'cognito:username'],
      [2, 'ann'],
      [5, 'bo\nb'],
      [6, 'cy'],
      [7, 'di'],
    ]);
    expect(whole.at(-1)!.next.byte).toBe(bytes.length);
    for (const size of [1, 2, 3, 64]) {
      expect(await rowsFrom(bytes, { byte: 0, line: 0 }, size)).toEqual(whole);
      for (let i = 0; i < whole.length; i++) {
        expect(await rowsFrom(bytes, whole[i].next, size)).toEqual(whole.slice(i + 1));
      }
    }
  });

  it("fails a file it cannot read without quoting the row's values, and a record past the size limit", async () => {
    const refusal = async (body: string) => {
      try {
        await file(body);
        return undefined;
      } catch (err) {
        expect(err).toBeInstanceOf(ImportFileError);
        return (err as Error).message;
      }
    };
    const quoted = await refusal(`${HEAD}\nann,"secret-value"x,true,,,false\n`);
    expect(quoted).toMatch(/^The CSV file could not be read: Invalid Closing Quote/);
    expect(quoted).not.toContain('secret-value');
    expect(quoted).not.toContain('"x"');
    expect(await refusal(`${HEAD}\nann,"${'a'.repeat(200_000)}`)).toMatch(
      /could not be read: Max Record Size/,
    );
  });
});

describe('a row', () => {
  it('becomes a user with its attributes, verified flags kept as given, empty values absent', async () => {
    expect(await rowOutcome(`${HEAD}\nann,ann@x.example,True,,,false\n`)).toEqual({
      username: 'ann',
      attributes: { email: 'ann@x.example', email_verified: 'True' },
      mfaEnabled: false,
    });
  });

  it('is refused when no auto-verified attribute is verified, or a verified flag lacks its address', async () => {
    expect(await rowOutcome(`${HEAD}\nann,ann@x.example,false,,,false\n`)).toBe(
      'The User Record does not set any of the auto verified attributes to true.',
    );
    expect(await rowOutcome(`${HEAD}\nann,,true,,,false\n`)).toBe(
      'email_verified is true but the email value is missing.',
    );
    const both = pool({ PoolName: 'p', AutoVerifiedAttributes: ['email', 'phone_number'] });
    expect(await rowOutcome(`${HEAD}\nann,,,+15550100,true,false\n`, both)).toMatchObject({
      username: 'ann',
    });
    expect(await rowOutcome(`${HEAD}\nann,,,+15550100,true,false\n`)).toBe(
      'The User Record does not set any of the auto verified attributes to true.',
    );
  });

  it('is refused for a missing or bad username, a bad mfa flag, bad values and the wrong column count', async () => {
    expect(await rowOutcome(`${HEAD}\n,ann@x.example,true,,,false\n`)).toBe(
      'The cognito:username value is missing.',
    );
    expect(await rowOutcome(`${HEAD}\nann,ann@x.example,true,,,yes\n`)).toBe(
      'The cognito:mfa_enabled value must be true or false.',
    );
    expect(await rowOutcome(`${HEAD}\nann,ann@x.example,true,,,true\n`)).toBe(
      'cognito:mfa_enabled is true but the phone_number value is missing.',
    );
    expect(await rowOutcome(`${HEAD}\nann,not-an-email,true,,,false\n`)).toBe(
      'Invalid email address format.',
    );
    expect(await rowOutcome(`${HEAD}\nann,ann@x.example,maybe,,,false\n`)).toMatch(
      /email_verified: Boolean must be true or false/,
    );
    expect(await rowOutcome(`${HEAD}\nann,ann@x.example,true,false\n`)).toBe(
      'The row has 4 values for 6 columns.',
    );
  });

  it("applies the pool's schema: required attributes and custom attribute constraints", async () => {
    const strict = pool({
      PoolName: 'p',
      Schema: [
        { Name: 'given_name', AttributeDataType: 'String', Required: true, Mutable: true },
        {
          Name: 'age',
          AttributeDataType: 'Number',
          Mutable: true,
          NumberAttributeConstraints: { MaxValue: '150' },
        },
      ],
    });
    const head = `${HEAD},given_name,custom:age`;
    expect(await rowOutcome(`${head}\nann,ann@x.example,true,,,false,Ann,40\n`, strict)).toMatchObject({
      attributes: { given_name: 'Ann', 'custom:age': '40' },
    });
    expect(await rowOutcome(`${head}\nann,ann@x.example,true,,,false,,40\n`, strict)).toBe(
      'Attributes did not conform to the schema: given_name: The attribute is required',
    );
    expect(await rowOutcome(`${head}\nann,ann@x.example,true,,,false,Ann,200\n`, strict)).toBe(
      'Attributes did not conform to the schema: custom:age: Number must be no greater than 150',
    );
  });
});
