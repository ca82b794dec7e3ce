export const db = {
  user: {
    async findUnique(q: { where: { id: string } }) {
      return q.where.id ? { id: q.where.id } : null;
    },
  },
};
