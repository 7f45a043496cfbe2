// Roles of the importer cases at the extractor level: who leads (LED_BY) and who joins (INVOLVES) as the notes,
// sentences and the task table of each case say, each with its quote; expected values read from the documents.
import { describe, expect, it } from 'vitest';
import { extractAgenciesAndRoles } from '../../../server/src/ingest/extract/index.ts';
import { CASES, inputFromFile, inputFromMarkdown } from './_agencies-input.ts';

/** Roles as `task role name` lines, the agency by the form the text uses first. */
function rolesOf(file: string): {
  lines: string[];
  text: string;
  roles: ReturnType<typeof extractAgenciesAndRoles>['roles'];
} {
  const input = file.includes('\n') ? inputFromMarkdown(file) : inputFromFile(`${CASES}/${file}`);
  const { agencies, roles } = extractAgenciesAndRoles(input);
  const formOf = (key: string) => {
    const a = agencies.find((x) => x.key === key);
    return a?.mentions[0]?.quote ?? a?.name ?? key;
  };
  return { lines: roles.map((r) => `${r.task} ${r.role} ${formOf(r.agency)}`), text: input.text, roles };
}

describe('responsibility-notes.md', () => {
  const { lines, text, roles } = rolesOf('responsibility-notes.md');

  it('reads （A牵头，B、C参与）: A leads, B and C are involved', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        't1 lead 市人力资源社会保障局',
        't1 involved 市财政局',
        't1 involved 市税务局',
      ]),
    );
  });

  it('reads （负责部门：A、B、C）: every listed body is responsible', () => {
    expect(lines).toEqual(
      expect.arrayContaining(['t2 lead 市财政局', 't2 lead 人民银行青禾中心支行', 't2 lead 青禾银保监分局']),
    );
  });

  it('reads A会同B按职责分工负责，C配合: A leads, B and C are involved', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        't3 lead 市人力资源社会保障局',
        't3 involved 市发展改革委',
        't3 involved 市市场监管局',
      ]),
    );
  });

  it('gives every role the text basis, a confidence and its quote', () => {
    expect(roles).toHaveLength(9);
    for (const r of roles) {
      expect(r.basis).toBe('text');
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.quote);
    }
    expect(roles.find((r) => r.task === 't1')?.evidence.quote).toBe(
      '（市人力资源社会保障局牵头，市财政局、市税务局参与）',
    );
  });
});

describe('long-first-clause.md', () => {
  it('reads each （负责部门：…） note as the responsibility of its task', () => {
    expect(rolesOf('long-first-clause.md').lines).toEqual([
      't1 lead 市商务局',
      't2 lead 青禾海关',
      't3 lead 市商务局',
    ]);
  });
});

describe('agency-name-variants.md', () => {
  it('reads 由A指导，B组织实施 and A、B和C按职责分工负责', () => {
    expect(rolesOf('agency-name-variants.md').lines).toEqual([
      't1 involved 国家发展和改革委员会',
      't1 lead 省发展改革委',
      't2 involved 国家发展和改革委员会',
      't2 involved 国务院国资委',
    ]);
  });
});

describe('variant-table.md', () => {
  it('makes each row’s lead unit LED_BY of the task it names, with its deadline', () => {
    const { lines, roles } = rolesOf('variant-table.md');
    expect(lines).toEqual(['t1 lead 市发展改革委', 't2 lead 市市场监管局']);
    expect(roles.map((r) => r.deadline)).toEqual(['2025年', '2024年']);
  });
});

describe('a document’s own convention', () => {
  const doc = [
    '# 国务院关于加快推进农业机械化的意见',
    '**（一）完善创新体系。**加快推进创新。（工业和信息化部、发展改革委、科技部等负责。列第一位者为牵头单位，下同）',
    '**（二）推动转型升级。**推进产业升级。（农业农村部、财政部等负责）',
    '**（三）加强协作。**建立协作机制。（农业农村部、工业和信息化部牵头负责）',
  ].join('\n\n');
  const { lines } = rolesOf(doc);

  it('makes the first listed body lead in the note that states it and every note after it', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        't1 lead 工业和信息化部',
        't1 involved 发展改革委',
        't1 involved 科技部',
        't2 lead 农业农村部',
        't2 involved 财政部',
      ]),
    );
  });

  it('still lets 牵头 make every listed body lead', () => {
    expect(lines).toEqual(expect.arrayContaining(['t3 lead 农业农村部', 't3 lead 工业和信息化部']));
  });

  it('without the convention, every body of a 负责 note is responsible', () => {
    const plain = rolesOf(
      '# 国务院办公厅关于体育产业的意见\n\n**（一）推进改革。**放宽准入。（体育总局、民政部负责）',
    );
    expect(plain.lines).toEqual(['t1 lead 体育总局', 't1 lead 民政部']);
  });
});

describe('role sentences', () => {
  it('reads 由A负责 inside a clause and A负责 at a sentence start, not 对…负责', () => {
    const { lines } = rolesOf(
      '# 国务院办公厅关于集中采购的通知\n\n**（一）组织采购。**入围标准由联合采购办公室负责拟定。国家药监局负责对企业资质进行认定。审核机构对审核意见负责。',
    );
    expect(lines).toEqual(['t1 lead 联合采购办公室', 't1 lead 国家药监局']);
  });
});

describe('由A会同B、C + verb phrase', () => {
  // From the shape of 国办发〔2018〕124号: the list after 会同 ends where the verb phrase (确定并发布名单) begins.
  const { lines } = rolesOf(
    '# 某省文化体制改革实施方案\n\n**做好转制企业认定。**省属转制文化企业的认定，由省委宣传部会同省财政厅、省税务局确定并发布名单。\n',
  );

  it('gives the subject the lead and each body after 会同 an involved role', () => {
    expect(lines).toEqual(
      expect.arrayContaining(['t1 lead 省委宣传部', 't1 involved 省财政厅', 't1 involved 省税务局']),
    );
  });
});
