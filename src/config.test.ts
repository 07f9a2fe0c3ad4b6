import { describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy, trustProxyOption } from './config.ts';

describe('TRUST_PROXY', () => {
  it('is off when empty, false or 0', () => {
    for (const value of [undefined, '', ' ', 'false', 'FALSE', '0']) expect(parseTrustProxy(value)).toBe(false);
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  it('takes a hop count, which trusts that many hops counted from the socket', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    const trust = trustProxyOption(1) as (address: string, hop: number) => boolean;
    expect([trust('127.0.0.1', 0), trust('203.0.113.7', 1), trust('6.6.6.6', 2)]).toEqual([true, false, false]);
    expect(() => parseTrustProxy('3000')).toThrow(/TRUST_PROXY không hợp lệ: 3000 proxy là quá nhiều/);
  });

  it("takes proxies' addresses and CIDR ranges, comma separated", () => {
    expect(parseTrustProxy('10.0.0.5')).toEqual(['10.0.0.5']);
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1')).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(parseTrustProxy('::1,fd00::/8,loopback')).toEqual(['::1', 'fd00::/8', 'loopback']);
    expect(trustProxyOption(['127.0.0.1'])).toEqual(['127.0.0.1']);
  });

  it('refuses true, which would trust every hop, explaining the values it takes', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=true \(tin mọi proxy\) không còn được dùng/);
    expect(() => parseTrustProxy('true')).toThrow(/TRUST_PROXY=1.*TRUST_PROXY=10\.0\.0\.0\/8,127\.0\.0\.1/);
  });

  it('names what is not an address', () => {
    expect(() => parseTrustProxy('nginx')).toThrow(/"nginx" không phải địa chỉ IP/);
    expect(() => parseTrustProxy('10.0.0.0/33,127.0.0.1')).toThrow(/"10\.0\.0\.0\/33"/);
    expect(() => parseTrustProxy('10.0.0.1,')).toThrow(/""/);
    expect(() => parseTrustProxy('300.1.1.1')).toThrow(/"300\.1\.1\.1"/);
    expect(() => parseTrustProxy('-1')).toThrow(/"-1"/);
  });
});

describe('LOGIN_FAILURES_PER_IP', () => {
  it('defaults to 500 and takes a positive integer', () => {
    expect(loadConfig({}).loginFailuresPerIp).toBe(500);
    expect(loadConfig({ LOGIN_FAILURES_PER_IP: '2000' }).loginFailuresPerIp).toBe(2000);
    expect(() => loadConfig({ LOGIN_FAILURES_PER_IP: '0' })).toThrow(/LOGIN_FAILURES_PER_IP không hợp lệ/);
    expect(() => loadConfig({ LOGIN_FAILURES_PER_IP: 'nhiều' })).toThrow(/LOGIN_FAILURES_PER_IP không hợp lệ/);
  });
});
