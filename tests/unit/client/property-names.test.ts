// The details panel lists a node's properties for people: no raw codes of the model's closed sets, in the page's
// language, and the importer's confidence as a share.
import { describe, expect, it } from 'vitest';
import { propertyName, propertyValue } from '../../../client/src/model/property-names.ts';

describe('properties in the details panel', () => {
  it('names how a fact is known, in each language', () => {
    expect(propertyName('basis', 'zh')).toBe('依据');
    expect(propertyValue('basis', 'extracted', 'zh')).toBe('机器抽取');
    expect(propertyValue('basis', 'curated', 'en')).toBe('curated');
    expect(propertyValue('origin', 'confirmed', 'en')).toBe('curated, found in the text');
  });

  it('translates kinds, levels and statuses, and leaves document words as they are', () => {
    expect(propertyValue('kind', 'government', 'zh')).toBe('政府机关');
    expect(propertyValue('level', 'national', 'zh')).toBe('国家级');
    expect(propertyValue('status', 'approved', 'en')).toBe('approved');
    expect(propertyValue('kind', '意见', 'en')).toBe('意见');
    expect(propertyValue('aliases', ['市人社局', '人社局'], 'zh')).toBe('市人社局、人社局');
  });

  it('shows confidence as a percentage', () => {
    expect(propertyName('confidence', 'en')).toBe('Confidence');
    expect(propertyValue('confidence', 0.85, 'en')).toBe('85%');
  });
});
