import { api } from './client.ts';

export interface MyGrant {
  role: string;
  roleLabel: string;
  unitId: number;
  unitName: string;
}

export interface Me {
  userId: number;
  username: string;
  displayName: string;
  personId: number | null;
  mustChangePassword: boolean;
  csrfToken: string;
  grants: MyGrant[];
}

export const authApi = {
  me: () => api.get<Me>('/api/auth/me'),
  login: (username: string, password: string) =>
    api.post<{ mustChangePassword: boolean; csrfToken: string }>('/api/auth/login', { username, password }),
  logout: () => api.post<{ ok: true }>('/api/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/api/auth/change-password', { currentPassword, newPassword }),
};
