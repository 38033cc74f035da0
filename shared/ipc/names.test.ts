// The name lists the preload builds window.ii from must be exactly the contract's: a channel missing
// here would have no function on window.ii, an extra one a function main refuses.
import { describe, expect, it } from 'vitest';
import { contract, mainEvents } from './contract';
import { channelNameList, eventNameList } from './names';

describe('IPC name lists', () => {
  it('list every contract channel once, and nothing else', () => {
    expect([...channelNameList].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(channelNameList).size).toBe(channelNameList.length);
  });

  it('list every main event once, and nothing else', () => {
    expect([...eventNameList].sort()).toEqual(Object.keys(mainEvents).sort());
    expect(new Set(eventNameList).size).toBe(eventNameList.length);
  });
});
