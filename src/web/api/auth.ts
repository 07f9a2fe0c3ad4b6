import type { Static } from '@fastify/type-provider-typebox';
import type { LoginInfoReply, LoginReply, MeReply } from '../../server/modules/auth/schemas.ts';
import { api } from './client.ts';

export type Me = Static<typeof MeReply>;
export type MyGrant = Me['grants'][number];

export const authApi = {
  me: () => api.get<Me>('/api/auth/me'),
  loginInfo: () => api.get<Static<typeof LoginInfoReply>>('/api/auth/login-info'),
  login: (username: string, password: string) => api.post<Static<typeof LoginReply>>('/api/auth/login', { username, password }),
  logout: () => api.post<{ ok: true }>('/api/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/api/auth/change-password', { currentPassword, newPassword }),
};
