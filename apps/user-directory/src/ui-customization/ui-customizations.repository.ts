import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { UiCustomizationEntity } from '../database/entities';

/** Every query of `user_directory.ui_customizations`. */
@Injectable()
export class UiCustomizationsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Writes the pool's or client's customization whole, keeping its creation date. */
  async upsert(row: UiCustomizationEntity): Promise<UiCustomizationEntity> {
    const [saved] = await this.dataSource.query<{ created_at: Date }[]>(
      `INSERT INTO user_directory.ui_customizations
         (pool_id, client_id, css, image, image_type, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (pool_id, client_id) DO UPDATE
         SET css = EXCLUDED.css, image = EXCLUDED.image, image_type = EXCLUDED.image_type,
             updated_at = EXCLUDED.updated_at
       RETURNING created_at`,
      [row.poolId, row.clientId, row.css, row.image, row.imageType, row.updatedAt],
    );
    return { ...row, createdAt: saved.created_at };
  }

  /**
   * The client's own customization, else the pool's (`ALL`), else undefined. Without `withImage`
   * the logo's bytes are not read (`image` is null; `imageType` still says whether there is one).
   */
  async effective(
    poolId: string,
    clientId: string,
    withImage = true,
  ): Promise<UiCustomizationEntity | undefined> {
    const rows = await this.dataSource.manager.find(UiCustomizationEntity, {
      where: { poolId, clientId: In([clientId, 'ALL']) },
      ...(withImage
        ? {}
        : {
            select: {
              poolId: true,
              clientId: true,
              css: true,
              imageType: true,
              createdAt: true,
              updatedAt: true,
            },
          }),
    });
    if (!withImage) for (const row of rows) row.image = null;
    return rows.find((r) => r.clientId === clientId) ?? rows.find((r) => r.clientId === 'ALL');
  }
}
